use crate::web::components::primitives::CollectAny;
use crate::web::components::Empty;
use crate::web::reader::use_reader;
use barfinex_core::model::Influencer;
use leptos::prelude::*;

/// Institutional and market influencers: name, group and the kind of influence.
#[component]
pub fn InfluencerList(
    /// The influencers, in the order given.
    influencers: Vec<Influencer>,
) -> impl IntoView {
    if influencers.is_empty() {
        return view! { <Empty text=use_reader().locale.card_words().no_influencers/> }.into_any();
    }
    view! {
        <ul class="bfx-influencers">
            {influencers.into_iter().map(|i| view! {
                <li class="bfx-influencer">
                    <span class="bfx-influencer__name" dir="auto" lang=crate::web::components::ProfileLang::here()>{i.name}</span>
                    <span class="bfx-influencer__meta">
                        <span class="bfx-influencer__group">{i.group}</span>
                        <span class="bfx-influencer__influence">{i.influence}</span>
                    </span>
                </li>
            }).collect_any()}
        </ul>
    }
    .into_any()
}
