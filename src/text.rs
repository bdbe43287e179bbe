//! Small helpers for the text of messages, shared by the scenario and weather readers.

/// At most 40 characters of the user's text for a message, with `...` when cut.
pub(crate) fn shorten(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{head}...")
    } else {
        head
    }
}
