//! The errors of reading weather data, shared by every reader (EPW, CSV) and the dispatcher
//! that picks one by extension.

/// What can go wrong when reading weather data. Display gives `file:line: what is wrong`
/// in a planner's words.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum WeatherError {
    /// The file could not be read at all.
    #[error("{}", read_message(.file, .reason))]
    Read {
        /// File as given by the user.
        file: String,
        /// Reason reported by the operating system.
        reason: String,
    },
    /// The file's type is not one the planner reads (e.g. an unknown extension).
    #[error("{}", file_message(.file, .message))]
    Format {
        /// File as given by the user.
        file: String,
        /// What is wrong, in a planner's words.
        message: String,
    },
    /// The file was read but its content is not usable at `line` (1-based).
    #[error("{file}:{line}: {message}")]
    Invalid {
        /// File as given by the user.
        file: String,
        /// Line number, 1-based.
        line: usize,
        /// What is wrong, in a planner's words.
        message: String,
    },
}

/// "FILE: MESSAGE" in the current language ("FILE : MESSAGE" in French).
fn file_message(file: &str, message: &str) -> String {
    dakhla_i18n::tr!(
        "engine-weather-file-problem",
        file = file,
        message = message
    )
}

/// "FILE: cannot read the weather file: REASON" in the current language.
fn read_message(file: &str, reason: &str) -> String {
    dakhla_i18n::tr!("engine-weather-cannot-read", file = file, reason = reason)
}
