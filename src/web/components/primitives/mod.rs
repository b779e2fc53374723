//! Small building blocks every widget uses: badges, sections, notices, loading and error
//! states, empty states, collapsible text and the standalone widgets' frame.

mod any_list;
mod badge;
mod class_with;
mod collapsible_text;
mod empty;
mod heading;
mod lazy_body;
mod maybe;
mod notice;
mod packed;
mod section;
mod state;
mod text_lang;
mod widget_shell;

pub(crate) use any_list::CollectAny;
pub use badge::{Badge, Tone};
pub(crate) use class_with::class_with;
pub use collapsible_text::CollapsibleText;
pub use empty::Empty;
pub use heading::{aria_level, below, HeadingLevel};
pub use lazy_body::{BodyPending, LazyBody, LazyView};
pub(crate) use maybe::maybe;
pub use notice::NoticeView;
pub(crate) use packed::Packed;
pub use section::Section;
pub use state::{ErrorState, Failed, LoadingState, RetryIn, TechnicalDetails};
pub use text_lang::ProfileLang;
pub use widget_shell::WidgetShell;
