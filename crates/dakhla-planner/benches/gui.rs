//! Speed targets of the desktop planner (issue 3): one frame while dragging a capacity slider
//! with all charts visible <= 16 ms, counting the app's own work (re-simulation, chart
//! building, egui layout and tessellation) and not the rasterizer; start to first frame <= 1 s.

use criterion::{Criterion, criterion_group, criterion_main};
use dakhla_planner::gui::app::{PlannerApp, Settings, WindowKind};
use dakhla_planner::gui::panels::PanelKind;
use std::hint::black_box;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1500.0, 950.0),
        )),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut PlannerApp) -> usize {
    let out = ctx.run_ui(input(), |ui| app.frame(ui));
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

fn gui_benches(c: &mut Criterion) {
    for (name, window) in [
        ("frame_drag_battery_slider_week_view", WindowKind::Week),
        ("frame_drag_battery_slider_year_view", WindowKind::Year),
    ] {
        let ctx = egui::Context::default();
        let settings = Settings {
            panel: PanelKind::Storage,
            window,
            ..Settings::default()
        };
        let mut app = PlannerApp::with_settings(settings);
        // Warm up: fonts, caches, first layout.
        for _ in 0..3 {
            frame(&ctx, &mut app);
        }
        let mut k = 0u32;
        c.bench_function(name, |b| {
            b.iter(|| {
                k = k.wrapping_add(1);
                let mut s = app.session().doc.scenario.clone();
                s.battery.energy_mwh = 1000.0 + (k % 50) as f64 * 40.0;
                app.apply_edit(s, true);
                black_box(frame(&ctx, &mut app))
            })
        });
    }

    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.bench_function("start_to_first_frame", |b| {
        b.iter(|| {
            let ctx = egui::Context::default();
            let mut app = PlannerApp::with_settings(Settings::default());
            black_box(frame(&ctx, &mut app))
        })
    });
    group.finish();
}

criterion_group!(benches, gui_benches);
criterion_main!(benches);
