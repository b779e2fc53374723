// Expected values for the Flux card, read off the seed page (tests/fixtures/seed-flux-page.txt),
// never from www/data/flux.json. `assertOnSeedPage` guards against typos here.
import { readFileSync } from "node:fs";
import path from "node:path";
import assert from "node:assert/strict";
import { ROOT } from "./harness.mjs";

const seedText = readFileSync(path.join(ROOT, "tests/fixtures/seed-flux-page.txt"), "utf8");
const seedLines = new Set(seedText.split("\n").map((l) => l.trim()));

export const SEED = {
  name: "Flux",
  symbol: "FLUX",
  descriptionStart: "The asset functions as a protocol-level token that underpins a decentralized infrastructure marketplace",
  drivers: [
    ["Network usage and decentralized compute demand", "Positive", "demand"],
    ["Partnerships, integrations and developer ecosystem growth", "Positive", "fundamental"],
    ["Node operator incentives and staking dynamics", "Mixed", "fundamental"],
    ["Exchange listings, order book depth and market liquidity", "Mixed", "liquidity"],
    ["Macro crypto market cycles and Bitcoin correlation", "Conditional", "macro"],
    ["Token emission schedule, unlocks and vesting", "Negative", "supply"],
  ],
  firstDriverEnd: "Nonetheless, persistent growth in paid workloads (e. g.",
  influencers: [
    ["U.S. Securities and Exchange Commission (SEC)", "regulatory-bodies", "Regulation"],
    ["GPU Miners and Mining Pools", "industry", "Supply"],
    ["Flux Node Operators", "network-participants", "infrastructure"],
    ["Binance", "financial-institutions", "Liquidity"],
    ["ZelCore Wallet and Client Toolkit", "market-infrastructure", "infrastructure"],
    ["Flux Labs", "corporate", "Technology"],
    ["dApp developers and integrators", "technology-community", "Demand"],
  ],
  regimes: [
    ["inflation", "Neutral"],
    ["network-driven", "Neutral"],
    ["recession", "Underperform"],
    ["risk-off", "Underperform"],
    ["risk-on", "Outperform"],
    ["tightening", "Underperform"],
  ],
  signals: [
    ["liquidity", "Bearish", "Derivatives funding squeeze signalling liquidity stress"],
    ["positioning", "Bearish", "Rising supply concentration on exchanges signals potential sell pressure"],
    ["sentiment", "Bearish", "Persistent negative funding reflects bearish sentiment crowding"],
    ["positioning", "Bullish", "Accumulation by long\u2011term holders reduces circulating velocity"],
    ["technical", "Mixed", "High\u2011volume breakout followed by retest indicates trend validation"],
  ],
  firstSignalDescriptionStart: "A liquidity stress pattern where funding costs diverge sharply from spot dynamics",
  disclaimer: [
    "The information provided is for analytical and informational purposes only and does not constitute investment advice.",
    "Any decisions are made independently by the user and at their own risk.",
  ],
  personsNotice: "Disclaimer regarding person-related content and feedback:",
};

export function assertOnSeedPage() {
  const lines = [
    SEED.name, ...SEED.drivers.flat(), ...SEED.regimes.flat(), ...SEED.signals.flat(), ...SEED.disclaimer,
    ...SEED.influencers.flatMap(([n, g, i]) => [n, g, `Influence: ${i}`]),
    SEED.personsNotice + " legal notice.",
  ];
  for (const line of lines) assert.ok(seedLines.has(line), `not a line of the seed page: ${line}`);
  for (const fragment of [SEED.descriptionStart, SEED.firstDriverEnd, SEED.firstSignalDescriptionStart]) {
    assert.ok(seedText.includes(fragment), `not on the seed page: ${fragment}`);
  }
}
