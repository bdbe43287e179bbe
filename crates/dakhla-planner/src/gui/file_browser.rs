//! The built-in file browser: Open, Save As and Export on any desktop.
//!
//! The native dialogs (rfd, through the XDG desktop portal on Linux) need a portal service; on a
//! desktop without one they return at once with nothing, and the planner's click would do
//! nothing. When a native dialog answers nothing within [`NO_ANSWER_S`] (faster than a person
//! can cancel), or when the planner asks for it (File > "Use the built-in file browser"), this
//! browser opens instead: the folder, its sub-folders and its scenario files, a name field, and
//! OK / Cancel. It never writes anything itself: OK hands the path to the same commands as the
//! native dialog (open, save with its checks, export).

use dakhla_i18n::tr;
use std::path::{Path, PathBuf};

/// A native dialog that returns empty-handed faster than this did not ask anyone [s].
pub const NO_ANSWER_S: f64 = 0.3;

/// What the browser picks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// An existing scenario file.
    Open,
    /// A scenario file to write (may not exist yet).
    SaveAs,
    /// A folder to export the report into.
    ExportFolder,
}

impl Purpose {
    fn title(self) -> String {
        tr!(match self {
            Purpose::Open => "browser-open-title",
            Purpose::SaveAs => "browser-save-title",
            Purpose::ExportFolder => "browser-export-title",
        })
    }
}

/// One entry of the listed folder.
#[derive(Clone, Debug, PartialEq)]
struct Entry {
    name: String,
    is_dir: bool,
}

/// The browser's state while it is open.
#[derive(Clone, Debug)]
pub struct FileBrowser {
    pub purpose: Purpose,
    dir: PathBuf,
    /// The file name typed or picked (Open, Save As).
    pub name: String,
    entries: Vec<Entry>,
    /// Why the folder could not be listed, if it could not.
    error: Option<String>,
    /// Folder typed in the path field.
    dir_text: String,
}

/// What the planner decided.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Still choosing.
    Open,
    Cancelled,
    /// The chosen path (a file for Open and Save As, a folder for Export).
    Chosen(PathBuf),
}

impl FileBrowser {
    /// A browser for `purpose` in `dir` (the user's home folder when it cannot be listed),
    /// with `name` in the name field.
    pub fn new(purpose: Purpose, dir: &Path, name: &str) -> Self {
        let mut b = Self {
            purpose,
            dir: std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()),
            name: name.to_owned(),
            entries: Vec::new(),
            error: None,
            dir_text: String::new(),
        };
        b.list();
        if b.error.is_some()
            && let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        {
            b.dir = home;
            b.list();
        }
        b
    }

    /// The folder listed.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// List the folder: sub-folders, then `.ron` files (Open, Save As), each sorted by name;
    /// hidden entries left out.
    fn list(&mut self) {
        self.dir_text = self.dir.display().to_string();
        self.entries.clear();
        match std::fs::read_dir(&self.dir) {
            Ok(rd) => {
                self.error = None;
                for e in rd.flatten() {
                    let name = e.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') {
                        continue;
                    }
                    // Follows links: a link to a folder is a folder to enter.
                    let is_dir = e.path().is_dir();
                    let is_scenario = Path::new(&name)
                        .extension()
                        .is_some_and(|x| x.eq_ignore_ascii_case("ron"));
                    if is_dir || (self.purpose != Purpose::ExportFolder && is_scenario) {
                        self.entries.push(Entry { name, is_dir });
                    }
                }
                self.entries
                    .sort_by(|a, b| b.is_dir.cmp(&a.is_dir).then(a.name.cmp(&b.name)));
            }
            Err(e) => self.error = Some(format!("{}: {e}", self.dir.display())),
        }
    }

    /// Go into `dir`.
    pub fn enter(&mut self, dir: PathBuf) {
        // Absolute, so that Up always has somewhere to go ("scenarios" has no parent folder
        // of its own).
        self.dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        self.list();
    }

    /// The path OK would give, or why OK is not possible yet.
    pub fn choice(&self) -> Result<PathBuf, String> {
        match self.purpose {
            Purpose::ExportFolder => Ok(self.dir.clone()),
            Purpose::Open | Purpose::SaveAs => {
                let name = self.name.trim();
                if name.is_empty() {
                    return Err(tr!("browser-no-name"));
                }
                if name.contains('/') || name.contains('\0') {
                    return Err(tr!("browser-no-slash"));
                }
                let mut p = self.dir.join(name);
                if self.purpose == Purpose::SaveAs && p.extension().is_none() {
                    p.set_extension("ron");
                }
                if self.purpose == Purpose::Open && !p.is_file() {
                    return Err(tr!("browser-not-a-file", name = name));
                }
                Ok(p)
            }
        }
    }

    /// Draw the browser as a window; returns what the planner decided this frame.
    pub fn ui(&mut self, ctx: &egui::Context) -> Outcome {
        let mut outcome = Outcome::Open;
        let mut open = true;
        egui::Window::new(self.purpose.title())
            .collapsible(false)
            .resizable(true)
            .default_size([560.0, 420.0])
            .open(&mut open)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    if ui
                        .button(tr!("browser-up"))
                        .on_hover_text(tr!("browser-up.tooltip"))
                        .clicked()
                        && let Some(parent) = self.dir.parent()
                    {
                        self.enter(parent.to_path_buf());
                    }
                    let r = ui.add(
                        egui::TextEdit::singleline(&mut self.dir_text)
                            .desired_width(ui.available_width()),
                    );
                    if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        let typed = PathBuf::from(self.dir_text.trim());
                        self.enter(typed);
                    }
                });
                if let Some(e) = &self.error {
                    ui.colored_label(egui::Color32::from_rgb(0xd0, 0x40, 0x40), e);
                }
                egui::ScrollArea::vertical()
                    .max_height(260.0)
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        let entries = self.entries.clone();
                        for e in entries {
                            // Control characters and line ends in a name are shown escaped.
                            let shown = crate::text::path_text(Path::new(&e.name));
                            let label = if e.is_dir { format!("{shown}/") } else { shown };
                            let selected = !e.is_dir && e.name == self.name;
                            let r = ui.selectable_label(selected, label);
                            if e.is_dir && (r.clicked() || r.double_clicked()) {
                                self.enter(self.dir.join(&e.name));
                                break;
                            }
                            if !e.is_dir && r.clicked() {
                                self.name = e.name.clone();
                            }
                            if !e.is_dir
                                && r.double_clicked()
                                && let Ok(p) = self.choice()
                            {
                                outcome = Outcome::Chosen(p);
                            }
                        }
                        if self.entries.is_empty() && self.error.is_none() {
                            ui.weak(tr!(match self.purpose {
                                Purpose::ExportFolder => "browser-no-folders",
                                _ => "browser-nothing-here",
                            }));
                        }
                    });
                if self.purpose != Purpose::ExportFolder {
                    ui.horizontal(|ui| {
                        ui.label(tr!("browser-file-name"));
                        ui.text_edit_singleline(&mut self.name);
                    });
                }
                let choice = self.choice();
                if let Err(why) = &choice {
                    ui.weak(why);
                }
                ui.horizontal(|ui| {
                    let ok = tr!(match self.purpose {
                        Purpose::Open => "browser-open",
                        Purpose::SaveAs => "browser-save",
                        Purpose::ExportFolder => "browser-export-here",
                    });
                    if ui
                        .add_enabled(choice.is_ok(), egui::Button::new(ok))
                        .clicked()
                        && let Ok(p) = choice
                    {
                        outcome = Outcome::Chosen(p);
                    }
                    if ui.button(tr!("button-cancel")).clicked() {
                        outcome = Outcome::Cancelled;
                    }
                });
            });
        if !open {
            outcome = Outcome::Cancelled;
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_lists_folders_then_scenarios_and_checks_the_choice() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("studies")).unwrap();
        std::fs::write(dir.path().join("b.ron"), "()").unwrap();
        std::fs::write(dir.path().join("a.RON"), "()").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden.ron"), "()").unwrap();
        let mut b = FileBrowser::new(Purpose::Open, dir.path(), "");
        let names: Vec<&str> = b.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["studies", "a.RON", "b.ron"]);
        assert!(b.choice().is_err());
        b.name = "b.ron".into();
        let root = dir.path().canonicalize().unwrap();
        assert_eq!(b.choice().unwrap(), root.join("b.ron"));
        b.name = "missing.ron".into();
        assert!(b.choice().unwrap_err().contains("not a file"));
        b.name = "../b.ron".into();
        assert!(b.choice().is_err());
        // Save As adds the extension; Export picks the folder itself.
        let mut s = FileBrowser::new(Purpose::SaveAs, dir.path(), "case");
        assert_eq!(s.choice().unwrap(), root.join("case.ron"));
        s.enter(dir.path().join("studies"));
        assert_eq!(s.choice().unwrap(), root.join("studies/case.ron"));
        // A relative folder becomes absolute, so that Up leads somewhere.
        let rel = FileBrowser::new(Purpose::Open, Path::new("."), "");
        assert!(rel.dir().is_absolute());
        let e = FileBrowser::new(Purpose::ExportFolder, dir.path(), "");
        assert_eq!(e.choice().unwrap(), dir.path().canonicalize().unwrap());
        assert!(e.entries.iter().all(|x| x.is_dir));
        // A folder that cannot be listed falls back to the home folder, or says why.
        let gone = FileBrowser::new(Purpose::Open, &dir.path().join("nope"), "");
        assert!(gone.error.is_none() || gone.error.as_deref().unwrap().contains("nope"));
    }
}
