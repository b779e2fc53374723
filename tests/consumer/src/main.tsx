// A new user's app: React 19 renders the element, typed by the package's React typings, and
// listens to its events through React's `on<event>` props.
import "@barfinex/widgets/embed";
import type {} from "@barfinex/widgets/react";
import type { BfxLoadDetail, BfxRatingDetail } from "@barfinex/widgets/embed";
import { createRoot } from "react-dom/client";

const params = new URLSearchParams(location.search);
const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);

function App() {
  return (
    <>
    <bfx-asset-card
      id="card"
      src={params.get("src") ?? "/flux.json"}
      market={params.get("market") ?? undefined}
      theme="light"
      onbfx-load={(e: CustomEvent<BfxLoadDetail>) => seen.push(`load ${e.detail.symbol}`)}
      onbfx-rating={(e: CustomEvent<BfxRatingDetail>) => seen.push(`rating ${e.detail.rating.label ?? "none"}`)}
    />
    <p id="after">The host page's own content, after the card: it must not jump when the card loads.</p>
    </>
  );
}

createRoot(document.getElementById("root")!).render(<App />);
