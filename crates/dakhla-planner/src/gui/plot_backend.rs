//! A plotters drawing backend that paints into an egui [`Painter`], so the chart functions of
//! `report::charts` draw in the window exactly as they do into PNG and SVG files.
//!
//! Units: one backend pixel is one egui point (so charts follow the UI zoom; egui's tessellator
//! handles `pixels_per_point`). Pixel `(x, y)` covers `[x, x+1) x [y, y+1)` from the rect's
//! top-left corner, so lines run through pixel centres and filled rectangles cover whole pixels.
//!
//! Fills: egui fills only convex polygons, and neighbouring anti-aliased polygons leave hairline
//! seams. Filled polygons and rectangles therefore go into one triangle [`Mesh`] (convex polygons
//! as a fan, others by ear clipping), flushed before the next stroke or text so the drawing order
//! is kept. Everything is batched and handed to the painter, clipped to the rect, when the backend
//! is presented or dropped (that is, when the plotters `DrawingArea` goes out of scope).

use egui::epaint::{Mesh, PathStroke};
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontTransform,
};

/// Plotters backend painting into `rect` of an egui painter.
pub struct EguiBackend<'a> {
    painter: &'a Painter,
    rect: Rect,
    /// Pending shapes, in drawing order.
    shapes: Vec<Shape>,
    /// Pending filled triangles (drawn before the next non-fill shape).
    mesh: Mesh,
}

impl<'a> EguiBackend<'a> {
    /// A backend drawing into `rect` (egui points) of `painter`; output is clipped to `rect`.
    pub fn new(painter: &'a Painter, rect: Rect) -> Self {
        Self {
            painter,
            rect,
            shapes: Vec::new(),
            mesh: Mesh::default(),
        }
    }

    /// The rect this backend paints into [egui points].
    pub fn rect(&self) -> Rect {
        self.rect
    }

    /// Centre of a backend pixel, in egui points.
    #[inline]
    fn centre(&self, (x, y): BackendCoord) -> Pos2 {
        pos2(
            self.rect.min.x + x as f32 + 0.5,
            self.rect.min.y + y as f32 + 0.5,
        )
    }

    /// Top-left corner of a backend pixel, in egui points.
    #[inline]
    fn corner(&self, (x, y): BackendCoord) -> Pos2 {
        pos2(self.rect.min.x + x as f32, self.rect.min.y + y as f32)
    }

    fn flush_mesh(&mut self) {
        if !self.mesh.is_empty() {
            let mesh = std::mem::take(&mut self.mesh);
            self.shapes.push(Shape::mesh(mesh));
        }
    }

    fn push(&mut self, shape: Shape) {
        self.flush_mesh();
        self.shapes.push(shape);
    }

    /// Hand everything drawn so far to the painter.
    fn flush(&mut self) {
        self.flush_mesh();
        if !self.shapes.is_empty() {
            let clip = self.rect.intersect(self.painter.clip_rect());
            self.painter
                .with_clip_rect(clip)
                .extend(std::mem::take(&mut self.shapes));
        }
    }

    fn fill_points(&mut self, points: &[Pos2], color: Color32) {
        let base = self.mesh.vertices.len() as u32;
        let triangles = triangulate(points);
        if triangles.is_empty() {
            return;
        }
        for p in points {
            self.mesh.colored_vertex(*p, color);
        }
        self.mesh.reserve_triangles(triangles.len());
        for [a, b, c] in triangles {
            self.mesh.add_triangle(base + a, base + b, base + c);
        }
    }
}

impl Drop for EguiBackend<'_> {
    fn drop(&mut self) {
        self.flush();
    }
}

/// egui colour of a plotters colour.
#[inline]
fn color32(c: BackendColor) -> Color32 {
    let a = (c.alpha.clamp(0.0, 1.0) * 255.0).round() as u8;
    Color32::from_rgba_unmultiplied(c.rgb.0, c.rgb.1, c.rgb.2, a)
}

fn stroke_of<S: BackendStyle>(style: &S) -> Option<Stroke> {
    let c = style.color();
    if c.alpha <= 0.0 {
        return None;
    }
    Some(Stroke::new(style.stroke_width().max(1) as f32, color32(c)))
}

impl DrawingBackend for EguiBackend<'_> {
    type ErrorType = std::convert::Infallible;

    fn get_size(&self) -> (u32, u32) {
        (
            self.rect.width().max(0.0).round() as u32,
            self.rect.height().max(0.0).round() as u32,
        )
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.flush();
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if color.alpha > 0.0 {
            let min = self.corner(point);
            let r = Rect::from_min_size(min, vec2(1.0, 1.0));
            let c = color32(color);
            self.fill_points(
                &[
                    r.left_top(),
                    r.right_top(),
                    r.right_bottom(),
                    r.left_bottom(),
                ],
                c,
            );
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if let Some(stroke) = stroke_of(style) {
            let shape = Shape::line_segment([self.centre(from), self.centre(to)], stroke);
            self.push(shape);
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let c = style.color();
        if c.alpha <= 0.0 {
            return Ok(());
        }
        let (x0, x1) = (
            upper_left.0.min(bottom_right.0),
            upper_left.0.max(bottom_right.0),
        );
        let (y0, y1) = (
            upper_left.1.min(bottom_right.1),
            upper_left.1.max(bottom_right.1),
        );
        if fill {
            let r = Rect::from_min_max(self.corner((x0, y0)), self.corner((x1 + 1, y1 + 1)));
            self.fill_points(
                &[
                    r.left_top(),
                    r.right_top(),
                    r.right_bottom(),
                    r.left_bottom(),
                ],
                color32(c),
            );
        } else if let Some(stroke) = stroke_of(style) {
            let r = Rect::from_min_max(self.centre((x0, y0)), self.centre((x1, y1)));
            self.push(Shape::rect_stroke(r, 0.0, stroke, StrokeKind::Middle));
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if let Some(stroke) = stroke_of(style) {
            let points: Vec<Pos2> = path.into_iter().map(|p| self.centre(p)).collect();
            if points.len() >= 2 {
                self.push(Shape::line(points, PathStroke::from(stroke)));
            }
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let c = style.color();
        if c.alpha <= 0.0 {
            return Ok(());
        }
        let centre = self.centre(center);
        let shape = if fill {
            Shape::circle_filled(centre, radius as f32, color32(c))
        } else {
            Shape::circle_stroke(
                centre,
                radius as f32,
                Stroke::new(style.stroke_width().max(1) as f32, color32(c)),
            )
        };
        self.push(shape);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let c = style.color();
        if c.alpha > 0.0 {
            let points: Vec<Pos2> = vert.into_iter().map(|p| self.centre(p)).collect();
            self.fill_points(&points, color32(c));
        }
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let c = style.color();
        if c.alpha <= 0.0 || text.is_empty() {
            return Ok(());
        }
        let color = color32(c);
        let galley = self
            .painter
            .layout_no_wrap(text.to_owned(), font_id(style), color);
        let anchor = align_of(style);
        let at = self.corner(pos);
        let min = anchor.anchor_size(at, galley.size()).min;
        let angle = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => std::f32::consts::FRAC_PI_2,
            FontTransform::Rotate180 => std::f32::consts::PI,
            FontTransform::Rotate270 => -std::f32::consts::FRAC_PI_2,
        };
        let shape = egui::epaint::TextShape::new(min, galley, color);
        let shape = if angle == 0.0 {
            shape
        } else {
            shape.with_angle_and_anchor(angle, anchor)
        };
        self.push(Shape::Text(shape));
        Ok(())
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let galley = self
            .painter
            .layout_no_wrap(text.to_owned(), font_id(style), Color32::WHITE);
        let size = galley.size();
        Ok((size.x.ceil() as u32, size.y.ceil() as u32))
    }
}

fn font_id<TStyle: BackendTextStyle>(style: &TStyle) -> FontId {
    let size = (style.size() as f32).clamp(4.0, 200.0);
    match style.family() {
        FontFamily::Monospace => FontId::monospace(size),
        _ => FontId::proportional(size),
    }
}

fn align_of<TStyle: BackendTextStyle>(style: &TStyle) -> Align2 {
    let a = style.anchor();
    match (a.h_pos, a.v_pos) {
        (HPos::Left, VPos::Top) => Align2::LEFT_TOP,
        (HPos::Left, VPos::Center) => Align2::LEFT_CENTER,
        (HPos::Left, VPos::Bottom) => Align2::LEFT_BOTTOM,
        (HPos::Center, VPos::Top) => Align2::CENTER_TOP,
        (HPos::Center, VPos::Center) => Align2::CENTER_CENTER,
        (HPos::Center, VPos::Bottom) => Align2::CENTER_BOTTOM,
        (HPos::Right, VPos::Top) => Align2::RIGHT_TOP,
        (HPos::Right, VPos::Center) => Align2::RIGHT_CENTER,
        (HPos::Right, VPos::Bottom) => Align2::RIGHT_BOTTOM,
    }
}

#[inline]
fn cross(o: Pos2, a: Pos2, b: Pos2) -> f32 {
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
}

/// True when the closed polygon turns the same way at every vertex (collinear vertices allowed).
fn is_convex(points: &[Pos2]) -> bool {
    let n = points.len();
    let mut sign = 0.0f32;
    for i in 0..n {
        let c = cross(points[i], points[(i + 1) % n], points[(i + 2) % n]);
        if c != 0.0 {
            if sign == 0.0 {
                sign = c.signum();
            } else if c.signum() != sign {
                return false;
            }
        }
    }
    true
}

/// Triangles (indices into `points`) covering a simple polygon: a fan when it is convex, ear
/// clipping otherwise (O(n^2), meant for the small polygons of charts). Degenerate input gives
/// fewer or no triangles, never a panic.
pub fn triangulate(points: &[Pos2]) -> Vec<[u32; 3]> {
    let n = points.len();
    if n < 3 || points.iter().any(|p| !p.x.is_finite() || !p.y.is_finite()) {
        return Vec::new();
    }
    if is_convex(points) {
        return (1..n as u32 - 1).map(|i| [0, i, i + 1]).collect();
    }
    // Signed area (shoelace) gives the winding; ears turn the same way.
    let area: f32 = (0..n)
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            a.x * b.y - b.x * a.y
        })
        .sum();
    let orient = if area >= 0.0 { 1.0 } else { -1.0 };
    let mut idx: Vec<u32> = (0..n as u32).collect();
    let mut out = Vec::with_capacity(n - 2);
    let mut guard = 0;
    let mut i = 0;
    while idx.len() > 3 && guard < 2 * idx.len() {
        let m = idx.len();
        let (ia, ib, ic) = (idx[(i + m - 1) % m], idx[i % m], idx[(i + 1) % m]);
        let (a, b, c) = (
            points[ia as usize],
            points[ib as usize],
            points[ic as usize],
        );
        let turn = cross(a, b, c) * orient;
        let is_ear = turn > 0.0
            && idx.iter().all(|&j| {
                if j == ia || j == ib || j == ic {
                    return true;
                }
                let p = points[j as usize];
                !(cross(a, b, p) * orient >= 0.0
                    && cross(b, c, p) * orient >= 0.0
                    && cross(c, a, p) * orient >= 0.0)
            });
        if is_ear {
            out.push([ia, ib, ic]);
            idx.remove(i % m);
            guard = 0;
        } else if turn == 0.0 {
            // A collinear (zero-area) vertex: drop it.
            idx.remove(i % m);
            guard = 0;
        } else {
            i += 1;
            guard += 1;
        }
        if !idx.is_empty() {
            i %= idx.len();
        }
    }
    if idx.len() == 3 {
        out.push([idx[0], idx[1], idx[2]]);
    } else if idx.len() > 3 {
        // Self-intersecting or otherwise degenerate: fan the rest rather than lose it.
        for k in 1..idx.len() - 1 {
            out.push([idx[0], idx[k], idx[k + 1]]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    fn tri_area(p: &[Pos2], t: [u32; 3]) -> f32 {
        cross(p[t[0] as usize], p[t[1] as usize], p[t[2] as usize]).abs() / 2.0
    }

    #[test]
    fn non_convex_polygon_is_triangulated_into_convex_pieces() {
        // An L shape of area 3 (three unit squares), both windings.
        let mut l = vec![
            pos2(0.0, 0.0),
            pos2(2.0, 0.0),
            pos2(2.0, 1.0),
            pos2(1.0, 1.0),
            pos2(1.0, 2.0),
            pos2(0.0, 2.0),
        ];
        assert!(!is_convex(&l));
        for _ in 0..2 {
            let t = triangulate(&l);
            assert_eq!(t.len(), 4);
            let total: f32 = t.iter().map(|&t| tri_area(&l, t)).sum();
            assert!((total - 3.0).abs() < 1e-5, "area {total}");
            for &tri in &t {
                assert!(tri_area(&l, tri) > 0.0);
            }
            l.reverse();
        }
        // A convex quad is fanned.
        let q = [
            pos2(0.0, 0.0),
            pos2(1.0, 0.0),
            pos2(1.0, 1.0),
            pos2(0.0, 1.0),
        ];
        assert_eq!(triangulate(&q), vec![[0, 1, 2], [0, 2, 3]]);
        // Degenerate input does not panic.
        assert!(triangulate(&[pos2(0.0, 0.0), pos2(1.0, 1.0)]).is_empty());
        assert!(triangulate(&[pos2(f32::NAN, 0.0), pos2(1.0, 1.0), pos2(0.0, 1.0)]).is_empty());
    }

    fn shapes_of(
        draw: impl Fn(&DrawingArea<EguiBackend<'_>, plotters::coord::Shift>),
    ) -> Vec<Shape> {
        let ctx = egui::Context::default();
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            let rect = egui::Rect::from_min_size(pos2(10.0, 20.0), vec2(400.0, 300.0));
            let painter = ui.painter_at(rect);
            let area = EguiBackend::new(&painter, rect).into_drawing_area();
            draw(&area);
        });
        out.textures_delta.clear();
        out.shapes.into_iter().map(|c| c.shape).collect()
    }

    #[test]
    fn a_chart_paints_egui_shapes() {
        crate::report::charts::ensure_font();
        let shapes = shapes_of(|area| {
            area.fill(&WHITE).ok();
            let mut chart = ChartBuilder::on(area)
                .caption("test", ("sans-serif", 16))
                .x_label_area_size(30)
                .y_label_area_size(40)
                .build_cartesian_2d(0.0..10.0, 0.0..5.0)
                .expect("chart");
            chart
                .configure_mesh()
                .y_desc("power [MW]")
                .draw()
                .expect("mesh");
            chart
                .draw_series(LineSeries::new(
                    (0..10).map(|i| (i as f64, (i % 5) as f64)),
                    &RED,
                ))
                .expect("line");
            // A non-convex polygon goes in as triangles.
            chart
                .draw_series(std::iter::once(Polygon::new(
                    vec![(0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (2.0, 1.0), (0.0, 2.0)],
                    BLUE.filled(),
                )))
                .expect("polygon");
            chart
                .draw_series(std::iter::once(Circle::new((5.0, 2.0), 4, GREEN.filled())))
                .expect("circle");
        });
        assert!(shapes.iter().any(|s| matches!(s, Shape::Text(_))));
        assert!(
            shapes
                .iter()
                .any(|s| matches!(s, Shape::Path(_) | Shape::LineSegment { .. }))
        );
        let meshes: Vec<_> = shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Mesh(m) => Some(m),
                _ => None,
            })
            .collect();
        assert!(!meshes.is_empty());
        for m in meshes {
            assert_eq!(m.indices.len() % 3, 0);
            assert!(m.indices.iter().all(|&i| (i as usize) < m.vertices.len()));
        }
        // The y-axis description is turned to read upwards and sits at the left edge.
        let turned: Vec<_> = shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text(t) if t.angle != 0.0 => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(turned.len(), 1);
        assert!((turned[0].angle + std::f32::consts::FRAC_PI_2).abs() < 1e-6);
        let bounds = turned[0].visual_bounding_rect();
        assert!(
            bounds.min.x >= 10.0 && bounds.max.x < 10.0 + 40.0,
            "{bounds:?}"
        );
        assert!(bounds.height() > bounds.width());
        // Everything stays inside the rect.
        let rect = egui::Rect::from_min_size(pos2(10.0, 20.0), vec2(400.0, 300.0)).expand(1.0);
        for s in &shapes {
            if let Shape::Text(t) = s {
                assert!(rect.contains(t.pos), "text at {:?}", t.pos);
            }
        }
    }
}
