use leptos::prelude::*;

/// Collects views as one erased list, `Vec<AnyView>`: Leptos compiles a list's building and
/// updating once per item type, so lists of `<p>`, `<li>`, `<tr>`… each brought their own copy.
/// Every item is already erased wherever it is a child, so the lists share that code.
///
/// ```ignore
/// view! { <ul>{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_any()}</ul> }
/// ```
pub(crate) trait CollectAny: Iterator + Sized
where
    Self::Item: IntoAny,
{
    /// The items, each erased to an `AnyView`.
    fn collect_any(self) -> Vec<AnyView> {
        self.map(IntoAny::into_any).collect()
    }
}

impl<I: Iterator> CollectAny for I where I::Item: IntoAny {}
