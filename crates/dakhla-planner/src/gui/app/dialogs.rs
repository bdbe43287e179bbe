//! Dialogs: notices, questions (unsaved changes, a file changed on disk), the recovery offer
//! and the built-in file browser.

use super::{Command, PlannerApp};
use crate::gui::file_browser::{Outcome as BrowserOutcome, Purpose};
use dakhla_i18n::tr;

/// A message shown in a dialog until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

/// A modal question: `title`, `body`, one button per answer. Returns the index of the answer
/// clicked; closing the dialog (Escape, a click outside) answers the last one (Cancel).
fn ask(ctx: &egui::Context, id: &str, title: &str, body: &str, answers: &[&str]) -> Option<usize> {
    let mut answer = None;
    let m = egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(title);
        ui.label(body);
        ui.horizontal(|ui| {
            for (i, a) in answers.iter().enumerate() {
                if ui.button(*a).clicked() {
                    answer = Some(i);
                }
            }
        });
    });
    if m.should_close() && answer.is_none() {
        answer = answers.len().checked_sub(1);
    }
    answer
}

impl PlannerApp {
    pub(super) fn dialogs(&mut self, ctx: &egui::Context) {
        if let Some(b) = &mut self.browser {
            match b.ui(ctx) {
                BrowserOutcome::Open => {}
                BrowserOutcome::Cancelled => self.browser = None,
                BrowserOutcome::Chosen(p) => {
                    let purpose = b.purpose;
                    self.browser = None;
                    self.commands.push(match purpose {
                        Purpose::Open => Command::Open(p),
                        Purpose::SaveAs => Command::SaveAs(p),
                        Purpose::ExportFolder => Command::ExportTo(p),
                    });
                }
            }
        }
        if !self.drafts_offered.is_empty() {
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("dakhla-recover")).show(ctx, |ui| {
                ui.set_max_width(640.0);
                ui.heading(tr!("recover-title"));
                ui.label(tr!("recover-intro"));
                for d in &self.drafts_offered {
                    ui.label(format!("- {}", d.describe()));
                }
                ui.label(tr!("recover-outro"));
                ui.horizontal(|ui| {
                    if ui.button(tr!("recover-button")).clicked() {
                        answer = Some(true);
                    }
                    if ui.button(tr!("recover-discard")).clicked() {
                        answer = Some(false);
                    }
                });
            });
            match answer {
                Some(true) => self.recover_drafts(),
                Some(false) => self.discard_drafts(),
                None => {}
            }
        }
        if let Some(path) = self.overwrite_question.clone() {
            let answers = [
                tr!("overwrite-button"),
                tr!("overwrite-save-as"),
                tr!("button-cancel"),
            ];
            let answer = ask(
                ctx,
                "dakhla-overwrite",
                &tr!("overwrite-title"),
                &tr!("overwrite-body", path = path.display().to_string()),
                &answers.each_ref().map(String::as_str),
            );
            if let Some(a) = answer {
                self.overwrite_question = None;
                match a {
                    0 => self.commands.push(Command::SaveOverwriting(path)),
                    1 => self.commands.push(Command::SaveAsDialog),
                    _ => {}
                }
            }
        }
        if let Some(n) = self.notice.clone() {
            let close = egui::Modal::new(egui::Id::unique("dakhla-notice")).show(ctx, |ui| {
                ui.set_max_width(640.0);
                ui.heading(&n.title);
                ui.label(&n.body);
                ui.add_space(8.0);
                ui.button(tr!("button-ok")).clicked()
            });
            if close.inner || close.should_close() {
                self.notice = None;
            }
        }
        if let Some(p) = self.pending.clone() {
            let answers = [
                tr!("unsaved-save"),
                tr!("unsaved-discard"),
                tr!("button-cancel"),
            ];
            let answer = ask(
                ctx,
                "dakhla-unsaved",
                &tr!("unsaved-title"),
                &tr!("unsaved-body", name = self.doc().display_name()),
                &answers.each_ref().map(String::as_str),
            );
            match answer {
                Some(0) => {
                    self.pending = None;
                    let saved = match self.doc().path.clone() {
                        Some(path) => self.save_now(&path),
                        None => {
                            self.save_as_dialog();
                            !self.doc().is_dirty()
                        }
                    };
                    if saved {
                        self.do_pending(p, Some(ctx));
                    }
                }
                Some(1) => {
                    self.pending = None;
                    self.do_pending(p, Some(ctx));
                }
                Some(_) => self.pending = None,
                None => {}
            }
        }
    }
}
