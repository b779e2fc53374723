//! A signal's subscribers, on the reactive graph we build Leptos with: a patched copy that keeps
//! each node's sources and subscribers in a `Vec`, not an `IndexSet`
//! (vendor/reactive_graph/PATCHED.md). The same behaviour as upstream's set: each subscriber
//! once, told of a change in the order it first subscribed, and removing one keeps the others'
//! order (Leptos relies on it: an outer effect runs before the inner one it holds).

use leptos::prelude::*;
use leptos::reactive::graph::{AnySource, AnySubscriber, ReactiveNode, Source, Subscriber};
use std::sync::{Arc, Mutex, Weak};

/// A subscriber that writes its name down each time it is told of a change.
struct Named(&'static str, Arc<Mutex<Vec<&'static str>>>);

impl ReactiveNode for Named {
    fn mark_dirty(&self) {
        self.1.lock().map(|mut log| log.push(self.0)).ok();
    }
    fn mark_check(&self) {}
    fn mark_subscribers_check(&self) {}
    fn update_if_necessary(&self) -> bool {
        false
    }
}

impl Subscriber for Named {
    fn add_source(&self, _: AnySource) {}
    fn clear_sources(&self, _: &AnySubscriber) {}
}

#[test]
fn a_signal_tells_each_subscriber_once_in_the_order_it_subscribed() {
    let log = Arc::new(Mutex::new(Vec::new()));
    let nodes: Vec<Arc<dyn Subscriber + Send + Sync>> = ["a", "b", "c"]
        .into_iter()
        .map(|n| Arc::new(Named(n, log.clone())) as Arc<dyn Subscriber + Send + Sync>)
        .collect();
    let sub = |i: usize| AnySubscriber(100 + i, Arc::downgrade(&nodes[i]) as Weak<_>);
    let signal = ArcRwSignal::new(0);
    let told = |value| {
        log.lock().map(|mut l| l.clear()).ok();
        signal.set(value);
        log.lock().map(|l| l.clone()).unwrap_or_default()
    };

    for i in [0, 1, 0, 2, 1] {
        signal.add_subscriber(sub(i));
    }
    assert_eq!(
        told(1),
        ["a", "b", "c"],
        "each once, in the order first added"
    );

    signal.remove_subscriber(&sub(0));
    signal.remove_subscriber(&sub(0));
    assert_eq!(told(2), ["b", "c"], "removing one keeps the others' order");

    signal.add_subscriber(sub(0));
    assert_eq!(told(3), ["b", "c", "a"], "added again, it comes last");

    signal.clear_subscribers();
    assert!(told(4).is_empty());
}
