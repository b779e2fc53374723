use super::ElementWithChildren;
use crate::html::element::{ElementType, HtmlElement};
use std::fmt::Debug;

/// Creates a custom element.
#[track_caller]
pub fn custom<E>(tag: E) -> HtmlElement<Custom<E>, (), ()>
where
    E: AsRef<str>,
{
    HtmlElement {
        #[cfg(any(debug_assertions, leptos_debuginfo))]
        defined_at: std::panic::Location::caller(),
        tag: Custom(tag),
        attributes: (),
        children: (),
    }
}

/// A custom HTML element.
#[derive(Debug, Copy, Clone, PartialEq, Eq)]
pub struct Custom<E>(E);

impl<E: 'static> ElementType for Custom<E>
where
    E: AsRef<str> + Send,
{
    type Output = web_sys::HtmlElement;

    const SELF_CLOSING: bool = false;
    const ESCAPE_CHILDREN: bool = true;
    const TAG: &'static str = "";
    const NAMESPACE: Option<&'static str> = None;

    fn tag(&self) -> &str {
        self.0.as_ref()
    }
}

impl<E> ElementWithChildren for Custom<E> {}

/// An element's tag as a value (patched, PATCHED.md 5): what an element is made into when it is
/// made owned to be erased ([`RenderHtml::into_owned`](crate::view::RenderHtml::into_owned),
/// then `into_any`), so that elements of every tag with the same attributes and children are
/// one type, and the erased view's code is compiled once for all of them, not once per tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnyTag {
    name: std::borrow::Cow<'static, str>,
    namespace: Option<&'static str>,
    self_closing: bool,
    escape_children: bool,
}

impl AnyTag {
    /// The tag of `element`: its name, namespace, and whether it closes itself and escapes its
    /// children. A custom element's name, known only at run time, is copied.
    pub fn of<E: ElementType>(element: &E) -> Self {
        AnyTag {
            name: match E::TAG {
                "" => element.tag().to_owned().into(),
                tag => tag.into(),
            },
            namespace: element.namespace(),
            self_closing: element.self_closing(),
            escape_children: element.escape_children(),
        }
    }
}

impl ElementType for AnyTag {
    type Output = web_sys::Element;

    // Empty: the tag is a value, so a rebuild compares it with the element's, as for a custom
    // element.
    const TAG: &'static str = "";
    const SELF_CLOSING: bool = false;
    const ESCAPE_CHILDREN: bool = true;
    const NAMESPACE: Option<&'static str> = None;

    fn tag(&self) -> &str {
        &self.name
    }

    fn namespace(&self) -> Option<&'static str> {
        self.namespace
    }

    fn self_closing(&self) -> bool {
        self.self_closing
    }

    fn escape_children(&self) -> bool {
        self.escape_children
    }
}
