//! `skiff-bench-chart JSON SVG`: draws the results of `bench/run --json` as a
//! grouped bar chart, one group per benchmark, one bar for skiff's median time
//! over CPython's and one over PyPy's, on a logarithmic axis centred on the
//! parity line 1.0x (a bar going up means skiff is slower, down means faster).
//!
//! `bench/run --svg FILE` runs this; it is a separate crate because plotters is
//! a dependency that `cargo build` of the VM should not pay for (the crate is a
//! workspace member but not a default member). The ratios follow the rule of
//! bench/run's Markdown table, so the chart and the table never disagree: a
//! ratio exists only where skiff ran and printed CPython's output, and the
//! geometric mean leaves out `startup`.
//!
//! Bad input is reported as a message naming the file and the JSON path that
//! is wrong, with exit status 1; usage errors exit with 2.

use std::path::Path;
use std::process::ExitCode;

use std::ops::Range;

use plotters::coord::combinators::{BindKeyPoints, IntoLogRange};
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde_json::{Map, Value};

const USAGE: &str = "usage: skiff-bench-chart RESULTS.json OUT.svg\n\
    Draws bench/run's JSON (bench/run --json FILE) as an SVG bar chart of\n\
    skiff's median time over CPython's and over PyPy's, per benchmark.";

/// The pseudo-benchmark that bench/run leaves out of the geometric mean.
const STARTUP: &str = "startup";

const WIDTH: u32 = 1200;
const HEIGHT: u32 = 640;
const CPYTHON_COLOR: RGBColor = RGBColor(0x35, 0x72, 0xa5);
const PYPY_COLOR: RGBColor = RGBColor(0xd9, 0x82, 0x2b);

/// One group of bars. `None` means "no bar": skiff failed, printed something
/// else than CPython, or the other VM failed or was not run.
#[derive(Debug, PartialEq)]
struct Group {
    name: String,
    vs_cpython: Option<f64>,
    vs_pypy: Option<f64>,
    /// The geometric-mean group, drawn on a shaded background.
    summary: bool,
}

#[derive(Debug)]
struct Chart {
    title: String,
    subtitle: String,
    groups: Vec<Group>,
    /// Whether PyPy was run at all; if not, there is no PyPy series.
    pypy_run: bool,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let [json_path, svg_path] = args.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match run(Path::new(json_path), Path::new(svg_path)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("skiff-bench-chart: error: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run(json_path: &Path, svg_path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(json_path)
        .map_err(|e| format!("cannot read {}: {e}", json_path.display()))?;
    let chart = parse(&text).map_err(|e| format!("{}: {e}", json_path.display()))?;
    let svg = render(&chart)?;
    std::fs::write(svg_path, svg).map_err(|e| format!("cannot write {}: {e}", svg_path.display()))
}

// ---------------------------------------------------------------------------
// Reading bench/run's JSON

/// Turns bench/run's JSON into the bars to draw. Only the fields the chart
/// needs are checked; an unknown extra field is fine.
fn parse(text: &str) -> Result<Chart, String> {
    let root: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let root = object(&root, "the top level")?;
    let benchmarks = object(field(root, "benchmarks", "")?, "benchmarks")?;
    let vms = object(field(root, "vms", "")?, "vms")?;
    if !vms.contains_key("cpython") {
        return Err("not bench/run's JSON: vms has no \"cpython\" entry".into());
    }
    let pypy_run = vms.contains_key("pypy");

    let mut groups = Vec::new();
    let mut rounds = 0;
    for (name, bench) in benchmarks {
        let at = format!("benchmarks.{name}");
        let bench = object(bench, &at)?;
        let median = object(field(bench, "median_s", &at)?, &format!("{at}.median_s"))?;
        let problems = object(field(bench, "problems", &at)?, &format!("{at}.problems"))?;
        let time = |vm: &str| -> Result<Option<f64>, String> {
            match median.get(vm) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::Number(n)) => Ok(n.as_f64().filter(|t| *t > 0.0)),
                Some(other) => Err(format!(
                    "not bench/run's JSON: {at}.median_s.{vm} is {}, expected a number or null",
                    kind(other)
                )),
            }
        };
        let (skiff, cpython, pypy) = (time("skiff")?, time("cpython")?, time("pypy")?);
        // The same rule as the ratio columns of bench/run's table.
        let skiff_ok = !problems.contains_key("skiff") && !problems.contains_key("cpython");
        let ratio = |other: Option<f64>| match (skiff, other) {
            (Some(s), Some(o)) if skiff_ok => Some(s / o),
            _ => None,
        };
        let vs_cpython = ratio(cpython);
        let vs_pypy = if problems.contains_key("pypy") {
            None
        } else {
            ratio(pypy)
        };
        if name != STARTUP {
            if let Some(Value::Array(runs)) = bench.get("runs").and_then(|r| r.get("cpython")) {
                rounds = rounds.max(runs.len());
            }
        }
        groups.push(Group {
            name: name.clone(),
            vs_cpython,
            vs_pypy,
            summary: false,
        });
    }

    // Geometric means as in bench/run: over the benchmarks with a CPython
    // ratio (startup excluded), PyPy's over those of them with a PyPy ratio.
    let counted: Vec<&Group> = groups
        .iter()
        .filter(|g| g.name != STARTUP && g.vs_cpython.is_some())
        .collect();
    if !counted.is_empty() {
        let total = groups.iter().filter(|g| g.name != STARTUP).count();
        let vs_cpython = geomean(counted.iter().filter_map(|g| g.vs_cpython));
        let vs_pypy = geomean(counted.iter().filter_map(|g| g.vs_pypy));
        let name = if counted.len() == total {
            "geometric mean".to_string()
        } else {
            format!("geometric mean ({} of {total})", counted.len())
        };
        groups.push(Group {
            name,
            vs_cpython,
            vs_pypy,
            summary: true,
        });
    }

    let date = match root.get("date") {
        Some(Value::String(d)) => d.clone(),
        _ => return Err("not bench/run's JSON: no \"date\" string".into()),
    };
    let mut machine = Vec::new();
    if let Some(Value::String(m)) = root.get("machine") {
        machine.push(m.clone());
    }
    if let Some(n) = root.get("nproc").and_then(Value::as_u64) {
        machine.push(format!("nproc {n}"));
    }
    if let Some(Value::String(l)) = root.get("load_average") {
        machine.push(format!("load average at start {l}"));
    }
    let mut vm_names = Vec::new();
    for vm in ["skiff", "cpython", "pypy"] {
        if let Some(v) = vms
            .get(vm)
            .and_then(|v| v.get("version"))
            .and_then(Value::as_str)
        {
            vm_names.push(short_version(v));
        }
    }
    // bench/run's note is "git REV" (or "built now, git REV") when it found
    // skiff in the target directory, and says nothing useful with --skiff.
    if let Some(note) = root.get("skiff_note").and_then(Value::as_str) {
        if let (Some(skiff), Some(at)) = (vm_names.first_mut(), note.find("git ")) {
            if vms.contains_key("skiff") {
                skiff.push_str(&format!(" ({})", &note[at..]));
            }
        }
    }
    let smoke = root.get("smoke").and_then(Value::as_bool).unwrap_or(false);
    let method = if smoke {
        "smoke sizes, 1 run".to_string()
    } else if rounds > 0 {
        format!("median of {rounds} rounds")
    } else {
        "medians".to_string()
    };
    let vs = if pypy_run {
        "CPython's and PyPy's"
    } else {
        "CPython's (PyPy not run)"
    };
    let interrupted = match root.get("interrupted") {
        Some(Value::Bool(true)) => " (INTERRUPTED: partial results)",
        _ => "",
    };
    Ok(Chart {
        title: format!("skiff's time over {vs}, {method}{interrupted}"),
        subtitle: format!("{date} · {} · {}", machine.join(", "), vm_names.join(" · ")),
        groups,
        pypy_run,
    })
}

fn object<'a>(v: &'a Value, at: &str) -> Result<&'a Map<String, Value>, String> {
    v.as_object().ok_or_else(|| {
        format!(
            "not bench/run's JSON: {at} is {}, expected an object",
            kind(v)
        )
    })
}

fn field<'a>(obj: &'a Map<String, Value>, key: &str, at: &str) -> Result<&'a Value, String> {
    obj.get(key).ok_or_else(|| {
        let at = if at.is_empty() {
            "the top level".to_string()
        } else {
            at.to_string()
        };
        format!("not bench/run's JSON: {at} has no \"{key}\"")
    })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn geomean(xs: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = xs.fold((0.0, 0), |(s, n), x| (s + x.ln(), n + 1));
    (n > 0).then(|| (sum / n as f64).exp())
}

/// `Python 3.9.16 (7.3.11+dfsg, ...) [PyPy 7.3.11 with GCC 12.2.0]` is too
/// long for a subtitle: keep `PyPy 7.3.11`, or the first words.
fn short_version(v: &str) -> String {
    if let Some(start) = v.find("[PyPy ") {
        let rest = &v[start + 1..];
        return rest
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
    }
    v.split_whitespace().take(2).collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------
// Drawing

/// Ticks of the log axis: 1, 2, 3, 5 times powers of ten inside [lo, hi].
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let mut out = Vec::new();
    for exp in -4..=4 {
        for m in [1.0, 2.0, 3.0, 5.0] {
            let t = m * 10f64.powi(exp);
            if t >= lo && t <= hi {
                out.push(t);
            }
        }
    }
    out
}

fn fmt_ratio(x: f64) -> String {
    if x >= 10.0 {
        format!("{x:.1}x")
    } else if x >= 0.095 {
        format!("{x:.2}x")
    } else {
        format!("{x:.3}x")
    }
}

fn render(chart: &Chart) -> Result<String, String> {
    let mut svg = String::new();
    draw(chart, &mut svg).map_err(|e| format!("drawing the chart failed: {e}"))?;
    Ok(svg)
}

fn draw(chart: &Chart, out: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(out, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let (head, body) = root.split_vertically(90);
    let centred = Pos::new(HPos::Center, VPos::Center);
    let title_style = ("sans-serif", 22).into_font().color(&BLACK).pos(centred);
    head.draw_text(&chart.title, &title_style, (WIDTH as i32 / 2, 20))?;
    let grey = RGBColor(0x55, 0x55, 0x55);
    let subtitle_style = ("sans-serif", 13).into_font().color(&grey).pos(centred);
    head.draw_text(&chart.subtitle, &subtitle_style, (WIDTH as i32 / 2, 46))?;

    let n = chart.groups.len().max(1);
    let ratios: Vec<f64> = chart
        .groups
        .iter()
        .flat_map(|g| [g.vs_cpython, g.vs_pypy])
        .flatten()
        .filter(|r| r.is_finite() && *r > 0.0)
        .collect();
    // Room above and below the extreme bars for their value labels, and
    // parity always inside the range.
    let lo = ratios.iter().copied().fold(1.0, f64::min) / 1.8;
    let hi = ratios.iter().copied().fold(1.0, f64::max) * 1.8;
    let names: Vec<String> = chart.groups.iter().map(|g| g.name.clone()).collect();
    let x_label = move |x: &f64| {
        let i = x.floor() as usize;
        names.get(i).cloned().unwrap_or_default()
    };
    // Ticks are 1, 2, 3, 5 times a power of ten: print them as short as
    // possible (0.2x, 1x, 20x), after removing the error of 3.0 * 0.1.
    let y_label = |y: &f64| format!("{}x", (y * 1e6).round() / 1e6);

    let mut cc = ChartBuilder::on(&body)
        .margin_left(10)
        .margin_right(20)
        .margin_bottom(10)
        .x_label_area_size(50)
        .y_label_area_size(70)
        .build_cartesian_2d(
            GroupAxis(n),
            (lo..hi).log_scale().with_key_points(ticks(lo, hi)),
        )?;
    cc.configure_mesh()
        .disable_x_mesh()
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .x_label_style(("sans-serif", 14))
        .y_label_style(("sans-serif", 13))
        .y_desc("skiff time / other VM's time (log scale; below 1.00x = skiff faster)")
        .x_desc("benchmark (bars start at parity: up = skiff slower, down = skiff faster)")
        .axis_desc_style(("sans-serif", 14))
        .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
        .draw()?;

    // Shade the summary group so it does not read as one more benchmark.
    cc.draw_series(
        chart
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.summary)
            .map(|(i, _)| {
                Rectangle::new(
                    [(i as f64, lo), (i as f64 + 1.0, hi)],
                    RGBColor(0xf0, 0xf0, 0xf0).filled(),
                )
            }),
    )?;

    let series: &[Series] = if chart.pypy_run {
        &[
            ("skiff / CPython", CPYTHON_COLOR, 0.14, |g| g.vs_cpython),
            ("skiff / PyPy", PYPY_COLOR, 0.52, |g| g.vs_pypy),
        ]
    } else {
        &[("skiff / CPython", CPYTHON_COLOR, 0.33, |g| g.vs_cpython)]
    };
    const BAR: f64 = 0.34;
    let value_style = ("sans-serif", 12).into_font().color(&BLACK);
    for &(_, color, offset, get) in series {
        let bars = chart.groups.iter().enumerate().filter_map(|(i, g)| {
            let r = get(g)?;
            let x0 = i as f64 + offset;
            Some(Rectangle::new(
                [(x0, r.min(1.0)), (x0 + BAR, r.max(1.0))],
                color.filled(),
            ))
        });
        cc.draw_series(bars)?;
        // The value at the end of each bar; "n/a" on the parity line where
        // there is no bar, so a missing bar never reads as "exactly 1.0x".
        for (i, g) in chart.groups.iter().enumerate() {
            let x = i as f64 + offset + BAR / 2.0;
            let grey = RGBColor(0x88, 0x88, 0x88);
            let (text, y, above, style) = match get(g) {
                Some(r) => (fmt_ratio(r), r, r >= 1.0, value_style.clone()),
                None => (
                    "n/a".to_string(),
                    1.0,
                    true,
                    value_style.clone().color(&grey),
                ),
            };
            let (dy, vpos) = if above {
                (-3, VPos::Bottom)
            } else {
                (3, VPos::Top)
            };
            let style = style.pos(Pos::new(HPos::Center, vpos));
            cc.draw_series(std::iter::once(
                EmptyElement::at((x, y)) + Text::new(text, (0, dy), style),
            ))?;
        }
    }

    let parity = PathElement::new([(0.0, 1.0), (n as f64, 1.0)], BLACK.stroke_width(2));
    cc.draw_series(std::iter::once(parity))?;

    // The legend is a row in the header rather than a box in the plot,
    // where it would hide the tallest bars of the first groups.
    let legend_style = ("sans-serif", 13)
        .into_font()
        .color(&BLACK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let mut items: Vec<(&str, ShapeStyle, bool)> = series
        .iter()
        .map(|&(label, color, _, _)| (label, color.filled(), true))
        .collect();
    items.push(("parity (1.00x)", BLACK.stroke_width(2), false));
    let (mut x, y) = (WIDTH as i32 / 2 - 90 * items.len() as i32, 74);
    for (label, style, bar) in items {
        if bar {
            head.draw(&Rectangle::new([(x, y - 6), (x + 14, y + 6)], style))?;
        } else {
            head.draw(&PathElement::new([(x, y), (x + 14, y)], style))?;
        }
        head.draw_text(label, &legend_style, (x + 20, y))?;
        x += 180;
    }
    root.present()?;
    Ok(())
}

/// A bar series: legend label, colour, offset of the bar inside its group,
/// and which ratio of the group it draws.
type Series = (&'static str, RGBColor, f64, fn(&Group) -> Option<f64>);

/// The x axis: group `i` spans [i, i + 1) and its key point (where the
/// benchmark's name is written) is its centre. plotters' own `f64` axis
/// chooses round key points and cannot be told to label exactly these.
struct GroupAxis(usize);

impl Ranged for GroupAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let frac = value / self.0 as f64;
        limit.0 + (frac * (limit.1 - limit.0) as f64).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, _hint: Hint) -> Vec<f64> {
        (0..self.0).map(|i| i as f64 + 0.5).collect()
    }

    fn range(&self) -> Range<f64> {
        0.0..self.0 as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A trimmed bench/run JSON: nbody fine, richards with a skiff mismatch,
    /// fannkuch with a PyPy failure, startup excluded from the mean.
    const SAMPLE: &str = r#"{
      "command": "bench/run --repeat 3", "date": "2026-11-24T10:00:00+00:00",
      "nproc": 2, "smoke": false, "skiff_note": "git abc1234",
      "vms": {"skiff": {"path": "s", "version": "skiff 0.1.0"},
              "cpython": {"path": "c", "version": "Python 3.11.7"},
              "pypy": {"path": "p", "version": "Python 3.9.16 (7.3.11) [PyPy 7.3.11 with GCC 12.2.0]"}},
      "interrupted": false,
      "benchmarks": {
        "nbody": {"problems": {}, "median_s": {"skiff": 1.0, "cpython": 2.0, "pypy": 0.5},
                  "runs": {"cpython": [{}, {}, {}]}},
        "richards": {"problems": {"skiff": "skiff MISMATCH"},
                     "median_s": {"skiff": 1.0, "cpython": 2.0, "pypy": 0.5}},
        "fannkuch": {"problems": {"pypy": "PyPy FAILED (exit 1)"},
                     "median_s": {"skiff": 8.0, "cpython": 4.0, "pypy": null}},
        "startup": {"problems": {}, "median_s": {"skiff": 0.01, "cpython": 0.02, "pypy": 0.04}}
      }
    }"#;

    fn group(name: &str, c: Option<f64>, p: Option<f64>) -> Group {
        Group {
            name: name.into(),
            vs_cpython: c,
            vs_pypy: p,
            summary: false,
        }
    }

    #[test]
    fn ratios_follow_the_table_rule() {
        let chart = parse(SAMPLE).unwrap();
        assert!(chart.pypy_run);
        assert_eq!(chart.groups[0], group("nbody", Some(0.5), Some(2.0)));
        assert_eq!(chart.groups[1], group("richards", None, None));
        assert_eq!(chart.groups[2], group("fannkuch", Some(2.0), None));
        assert_eq!(chart.groups[3], group("startup", Some(0.5), Some(0.25)));
        let mean = &chart.groups[4];
        assert_eq!(mean.name, "geometric mean (2 of 3)");
        assert!(mean.summary);
        assert!((mean.vs_cpython.unwrap() - 1.0).abs() < 1e-12);
        assert!((mean.vs_pypy.unwrap() - 2.0).abs() < 1e-12);
        assert!(
            chart.title.contains("median of 3 rounds"),
            "{}",
            chart.title
        );
        assert!(
            chart
                .subtitle
                .contains("skiff 0.1.0 (git abc1234) · Python 3.11.7 · PyPy 7.3.11"),
            "{}",
            chart.subtitle
        );
    }

    #[test]
    fn renders_every_group_and_the_legend() {
        let svg = render(&parse(SAMPLE).unwrap()).unwrap();
        for text in [
            "nbody",
            "fannkuch",
            "geometric mean (2 of 3)",
            "skiff / PyPy",
            "0.50x",
            "n/a",
        ] {
            assert!(svg.contains(text), "{text} missing from the SVG");
        }
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        let check = |input: &str, expected: &str| {
            let err = parse(input).unwrap_err();
            assert!(
                err.contains(expected),
                "{err:?} does not contain {expected:?}"
            );
        };
        check("{", "not valid JSON");
        check("[]", "the top level is an array");
        check(
            r#"{"vms": {"cpython": {}}}"#,
            "the top level has no \"benchmarks\"",
        );
        check(
            r#"{"vms": {"cpython": {}}, "date": "d", "benchmarks": {"x": {"problems": {}, "median_s": {"skiff": "1"}}}}"#,
            "benchmarks.x.median_s.skiff is a string",
        );
        check(
            r#"{"vms": {"cpython": {}}, "benchmarks": {}}"#,
            "no \"date\"",
        );
    }
}
