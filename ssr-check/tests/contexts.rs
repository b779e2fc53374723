//! Leptos's contexts as the widgets use them, on the reactive graph we build Leptos with: a
//! patched copy whose owners keep their contexts in a `Vec`, not a hash map
//! (vendor/reactive_graph/PATCHED.md). The same behaviour as upstream's map: found by type,
//! replaced by a second one of the type, inherited and shadowed down the owners, taken out.

use leptos::prelude::*;
use leptos::reactive::owner::{take_context, update_context, with_context};

#[derive(Clone, Debug, PartialEq)]
struct Theme(&'static str);

#[derive(Clone, Debug, PartialEq)]
struct Count(u32);

#[derive(Clone, Debug, PartialEq)]
struct Unused;

#[test]
fn contexts_are_found_replaced_inherited_and_taken() {
    let root = Owner::new();
    root.with(|| {
        provide_context(Theme("light"));
        provide_context(Count(1));
        provide_context(Theme("dark"));
        assert_eq!(
            use_context::<Theme>(),
            Some(Theme("dark")),
            "the second replaces the first"
        );
        assert_eq!(use_context::<Count>(), Some(Count(1)));
        assert_eq!(use_context::<Unused>(), None);

        let child = Owner::new();
        child.with(|| {
            assert_eq!(use_context::<Theme>(), Some(Theme("dark")), "inherited");
            provide_context(Theme("contrast"));
            assert_eq!(
                use_context::<Theme>(),
                Some(Theme("contrast")),
                "shadowed here"
            );
            assert_eq!(
                with_context::<Count, _>(|c| c.0),
                Some(1),
                "read in place, from the parent"
            );
            assert_eq!(update_context::<Count, _>(|c| c.0 += 1), Some(()));
        });
        assert_eq!(
            use_context::<Theme>(),
            Some(Theme("dark")),
            "the child's own stays with it"
        );
        assert_eq!(
            use_context::<Count>(),
            Some(Count(2)),
            "changed where it lives"
        );

        assert_eq!(take_context::<Count>(), Some(Count(2)));
        assert_eq!(use_context::<Count>(), None, "taken out");
        assert_eq!(
            use_context::<Theme>(),
            Some(Theme("dark")),
            "the others stay"
        );
    });
}
