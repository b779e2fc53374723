//! A server-rendering Leptos app that renders the asset card to HTML, as a Leptos user's server
//! would: the crate must build natively with `ssr`, and render without a panic (the card's
//! loading state, since data loads in the browser).
use barfinex_widgets::web::components::AssetCard;
use leptos::prelude::*;

fn main() {
    let html = Owner::new().with(|| view! { <AssetCard src="/data/flux.json"/> }.to_html());
    println!("{html}");
}
