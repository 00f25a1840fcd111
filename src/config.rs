//! Start-up configuration: which collector runs, its parameters, and whether
//! its statistics are printed at exit.
//!
//! Four sources, each overriding the ones before it:
//!
//! 1. defaults ([`Config::default`]);
//! 2. the `[gc]` table of a TOML file: `--config PATH`, or else `skiff.toml`
//!    in the current directory if there is one (only one file is read);
//! 3. the environment: `SKIFF_GC`, `SKIFF_GC_STRESS`, `SKIFF_GC_VERIFY`,
//!    `SKIFF_GC_STATS`, `SKIFF_GC_MARKING_THREADS` (an empty variable counts
//!    as unset);
//! 4. the command line: `--gc NAME`.
//!
//! ```toml
//! [gc]
//! plugin = "generational"   # generational (default), marksweep, boehm or barriercheck
//! nursery_size = "4MiB"     # bytes: an integer or "512KiB", "4MiB", "1GiB"
//! major_growth = 1.75       # number > 1.0
//! marking_threads = 1       # 1 to 1024 (SKIFF_GC_MARKING_THREADS)
//! # stress = 97             # collect every N allocations (SKIFF_GC_STRESS; default off)
//! verify = false            # verify the heap after each collection (SKIFF_GC_VERIFY)
//! stats = false             # print a summary at exit (SKIFF_GC_STATS)
//! ```
//!
//! Every source is checked whether or not a later one overrides it: an
//! unknown key or table, a value of the wrong type or out of range, an
//! unknown plugin name, an unreadable file (except a missing `./skiff.toml`)
//! or invalid TOML is an error. File errors name the file and line
//! (`skiff.toml:3: ...`); an unknown plugin lists the valid choices. The
//! CLI prints errors as `skiff: <message>` and exits with status 2.

use std::path::{Path, PathBuf};

use skiff_gc::plugin::GcParams;
use skiff_gc::GcConfig;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::GC_PLUGINS;

/// The file looked for in the current directory when `--config` is not given.
pub const DEFAULT_CONFIG_FILE: &str = "skiff.toml";

/// The keys of `[gc]`, in the order the docs list them.
pub const GC_KEYS: &[&str] =
    &["plugin", "nursery_size", "major_growth", "marking_threads", "stress", "verify", "stats"];

/// The smallest nursery the configuration accepts.
const MIN_NURSERY: u64 = 64 << 10;
/// The most marking threads the configuration accepts.
const MAX_MARKING_THREADS: i64 = 1024;

/// Start-up configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// The collector's name, one of [`GC_PLUGINS`]; `generational` by
    /// default.
    pub gc: String,
    /// Stress and verify settings every plugin understands.
    pub gc_config: GcConfig,
    /// Sizing parameters; only some plugins use them (see [`GcParams`]).
    pub gc_params: GcParams,
    /// Print a summary of the collector's statistics to stderr at exit
    /// (`SKIFF_GC_STATS=1` or `[gc] stats = true`).
    pub gc_stats: bool,
    pub argv: Vec<String>,
    pub path: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            gc: "generational".into(),
            gc_config: GcConfig::default(),
            gc_params: GcParams::default(),
            gc_stats: false,
            argv: vec![String::new()],
            path: vec![],
        }
    }
}

/// What the command line says about configuration.
#[derive(Clone, Debug, Default)]
pub struct CliOptions {
    /// `--gc NAME`.
    pub gc: Option<String>,
    /// `--config PATH`.
    pub config_file: Option<PathBuf>,
}

impl Config {
    /// The configuration from every source, for this process: its
    /// environment and current directory.
    pub fn load(cli: &CliOptions) -> Result<Config, String> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Config::resolve(cli, &|k| std::env::var(k).ok(), &cwd)
    }

    /// The configuration from every source, with the environment read
    /// through `env` and `./skiff.toml` looked for in `cwd`.
    pub fn resolve(cli: &CliOptions, env: &dyn Fn(&str) -> Option<String>, cwd: &Path) -> Result<Config, String> {
        let mut config = Config::default();
        match &cli.config_file {
            Some(path) => {
                // Shown as given; read relative to `cwd` like a shell would.
                let text = std::fs::read_to_string(cwd.join(path))
                    .map_err(|e| format!("cannot read config file {}: {e}", path.display()))?;
                config.apply_file(&text, &path.display().to_string())?;
            }
            None => {
                let path = cwd.join(DEFAULT_CONFIG_FILE);
                match std::fs::read_to_string(&path) {
                    Ok(text) => config.apply_file(&text, DEFAULT_CONFIG_FILE)?,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(format!("cannot read config file {DEFAULT_CONFIG_FILE}: {e}")),
                }
            }
        }
        config.apply_env_with(env)?;
        if let Some(gc) = &cli.gc {
            check_plugin(gc, "given by --gc")?;
            config.gc = gc.clone();
        }
        Ok(config)
    }

    /// Applies `SKIFF_GC`, `SKIFF_GC_STRESS`, `SKIFF_GC_VERIFY`,
    /// `SKIFF_GC_STATS` and `SKIFF_GC_MARKING_THREADS` from the process
    /// environment.
    pub fn apply_env(&mut self) -> Result<(), String> {
        self.apply_env_with(&|k| std::env::var(k).ok())
    }

    /// Applies the `SKIFF_GC*` variables as `env` reports them; empty ones
    /// are ignored.
    pub fn apply_env_with(&mut self, env: &dyn Fn(&str) -> Option<String>) -> Result<(), String> {
        let get = |k: &str| env(k).filter(|v| !v.is_empty());
        if let Some(g) = get("SKIFF_GC") {
            check_plugin(&g, "in SKIFF_GC")?;
            self.gc = g;
        }
        if let Some(s) = get("SKIFF_GC_STRESS") {
            match s.trim().parse::<u64>() {
                Ok(n) if n > 0 => self.gc_config.stress = Some(n),
                _ => return Err(format!("SKIFF_GC_STRESS must be a positive integer, got '{s}'")),
            }
        }
        if let Some(v) = get("SKIFF_GC_VERIFY") {
            self.gc_config.verify = env_bool("SKIFF_GC_VERIFY", &v)?;
        }
        if let Some(v) = get("SKIFF_GC_STATS") {
            self.gc_stats = env_bool("SKIFF_GC_STATS", &v)?;
        }
        if let Some(s) = get("SKIFF_GC_MARKING_THREADS") {
            match s.trim().parse::<i64>() {
                Ok(n) if (1..=MAX_MARKING_THREADS).contains(&n) => self.gc_params.marking_threads = n as u32,
                _ => return Err(format!("SKIFF_GC_MARKING_THREADS must be an integer from 1 to 1024, got '{s}'")),
            }
        }
        Ok(())
    }

    /// Applies the `[gc]` table of a TOML document; `file` names it in
    /// error messages.
    pub fn apply_file(&mut self, text: &str, file: &str) -> Result<(), String> {
        let at = |span: std::ops::Range<usize>| format!("{file}:{}", line_of(text, span.start));
        let doc = DeTable::parse(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
            format!("{file}:{line}: invalid TOML: {}", e.message().trim_end())
        })?;
        for (key, value) in sorted(doc.get_ref()) {
            let name = key.get_ref().as_ref();
            match (name, value.get_ref()) {
                ("gc", DeValue::Table(gc)) => self.apply_gc_table(gc, &at)?,
                ("gc", _) => return Err(format!("{}: gc must be a table ([gc])", at(key.span()))),
                (_, DeValue::Table(_)) => {
                    return Err(format!("{}: unknown table [{name}] (the only table is [gc])", at(key.span())))
                }
                _ => {
                    return Err(format!(
                        "{}: unknown key '{name}' outside a table (settings go in [gc])",
                        at(key.span())
                    ))
                }
            }
        }
        Ok(())
    }

    fn apply_gc_table(&mut self, gc: &DeTable<'_>, at: &dyn Fn(std::ops::Range<usize>) -> String) -> Result<(), String> {
        for (key, value) in sorted(gc) {
            let name = key.get_ref().as_ref();
            let v = value.get_ref();
            let bad = |what: &str| format!("{}: [gc] {name} must be {what}, got {}", at(value.span()), describe(v));
            match name {
                "plugin" => {
                    let DeValue::String(s) = v else { return Err(bad("a string")) };
                    check_plugin(s, "in [gc] plugin").map_err(|e| format!("{}: {e}", at(value.span())))?;
                    self.gc = s.to_string();
                }
                "nursery_size" => {
                    let what = "a size in bytes (an integer, or a string such as \"4MiB\" or \"512KiB\")";
                    let n = match v {
                        DeValue::Integer(i) => integer(i).and_then(|n| u64::try_from(n).ok()),
                        DeValue::String(s) => parse_size(s),
                        _ => None,
                    }
                    .ok_or_else(|| bad(what))?;
                    if n < MIN_NURSERY {
                        return Err(bad("at least 64KiB"));
                    }
                    self.gc_params.nursery_size = n;
                }
                "major_growth" => {
                    let f = match v {
                        DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
                        DeValue::Integer(i) => integer(i).map(|n| n as f64),
                        _ => None,
                    };
                    match f {
                        Some(f) if f.is_finite() && f > 1.0 => self.gc_params.major_growth = f,
                        _ => return Err(bad("a number greater than 1.0")),
                    }
                }
                "marking_threads" => match v {
                    DeValue::Integer(i) => match integer(i) {
                        Some(n) if (1..=MAX_MARKING_THREADS).contains(&n) => self.gc_params.marking_threads = n as u32,
                        _ => return Err(bad("an integer from 1 to 1024")),
                    },
                    _ => return Err(bad("an integer from 1 to 1024")),
                },
                "stress" => match v {
                    DeValue::Integer(i) => match integer(i) {
                        Some(n) if n > 0 => self.gc_config.stress = Some(n as u64),
                        _ => return Err(bad("a positive integer")),
                    },
                    _ => return Err(bad("a positive integer")),
                },
                "verify" | "stats" => {
                    let DeValue::Boolean(b) = v else { return Err(bad("true or false")) };
                    if name == "verify" { self.gc_config.verify = *b } else { self.gc_stats = *b }
                }
                _ => {
                    return Err(format!(
                        "{}: unknown key '{name}' in [gc] (valid keys: {})",
                        at(key.span()),
                        GC_KEYS.join(", ")
                    ))
                }
            }
        }
        Ok(())
    }
}

/// Fails unless `name` is a plugin this binary has; `source` says where the
/// name came from.
fn check_plugin(name: &str, source: &str) -> Result<(), String> {
    if GC_PLUGINS.contains(&name) {
        Ok(())
    } else {
        Err(format!("unknown garbage collector '{name}' {source} (valid choices: {})", GC_PLUGINS.join(", ")))
    }
}

/// A boolean environment variable: 1/0, true/false, yes/no, on/off.
fn env_bool(var: &str, v: &str) -> Result<bool, String> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(format!("{var} must be 0 or 1, got '{v}'")),
    }
}

/// A size in bytes: digits, optionally followed by `B`, `KiB`, `MiB` or
/// `GiB` (spaces and `_` digit separators allowed). `None` if malformed or
/// too large.
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let split = s.find(|c: char| !(c.is_ascii_digit() || c == '_')).unwrap_or(s.len());
    let (digits, unit) = s.split_at(split);
    let digits: String = digits.chars().filter(|&c| c != '_').collect();
    if digits.is_empty() {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    let shift = match unit.trim_start() {
        "" | "B" => 0,
        "KiB" => 10,
        "MiB" => 20,
        "GiB" => 30,
        _ => return None,
    };
    n.checked_mul(1 << shift)
}

/// The value of a TOML integer, if it fits in an `i64`.
fn integer(i: &toml::de::DeInteger<'_>) -> Option<i64> {
    i64::from_str_radix(i.as_str(), i.radix()).ok()
}

/// A value as an error message shows it: strings quoted, numbers and
/// booleans as written, anything else by its TOML type.
fn describe(v: &DeValue<'_>) -> String {
    match v {
        DeValue::String(s) => format!("{s:?}"),
        DeValue::Integer(i) => i.to_string(),
        DeValue::Float(f) => f.to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(_) => "a date-time".into(),
        DeValue::Array(_) => "an array".into(),
        DeValue::Table(_) => "a table".into(),
    }
}

/// 1-based line of byte offset `pos`.
fn line_of(text: &str, pos: usize) -> usize {
    text.as_bytes()[..pos.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

type Entry<'a, 'i> = (&'a Spanned<std::borrow::Cow<'i, str>>, &'a Spanned<DeValue<'i>>);

/// A table's entries in source order, so the first error reported is the
/// first in the file.
fn sorted<'a, 'i>(t: &'a DeTable<'i>) -> Vec<Entry<'a, 'i>> {
    let mut v: Vec<Entry<'a, 'i>> = t.iter().collect();
    v.sort_by_key(|(k, _)| k.span().start);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from_file(text: &str) -> Result<Config, String> {
        let mut c = Config::default();
        c.apply_file(text, "skiff.toml")?;
        Ok(c)
    }

    /// The error for `text`, or "ok".
    fn check_err(text: &str, expected: &str) {
        let got = match from_file(text) {
            Ok(_) => "ok".to_string(),
            Err(e) => e,
        };
        assert_eq!(got, expected, "for:\n{text}");
    }

    #[test]
    fn every_key() {
        let c = from_file(
            "# comment\n[gc]\nplugin = \"boehm\"\nnursery_size = \"8MiB\"\nmajor_growth = 1.5\n\
             marking_threads = 2\nstress = 97\nverify = true\nstats = true\n",
        )
        .unwrap();
        assert_eq!(c.gc, "boehm");
        assert_eq!(c.gc_params, GcParams { nursery_size: 8 << 20, major_growth: 1.5, marking_threads: 2 });
        assert_eq!(c.gc_config.stress, Some(97));
        assert!(c.gc_config.verify && c.gc_stats);
    }

    #[test]
    fn defaults() {
        let c = from_file("").unwrap();
        assert_eq!(c.gc, "generational");
        assert_eq!(c.gc_params, GcParams { nursery_size: 4 << 20, major_growth: 1.75, marking_threads: 1 });
        assert_eq!(c.gc_config.stress, None);
        assert!(!c.gc_config.verify && !c.gc_stats);
        // A [gc] table may be written inline or with dotted keys too.
        assert_eq!(from_file("gc = { plugin = \"boehm\" }").unwrap().gc, "boehm");
        assert_eq!(from_file("gc.plugin = \"barriercheck\"").unwrap().gc, "barriercheck");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("4MiB"), Some(4 << 20));
        assert_eq!(parse_size("512KiB"), Some(512 << 10));
        assert_eq!(parse_size("1 GiB"), Some(1 << 30));
        assert_eq!(parse_size("65536"), Some(65536));
        assert_eq!(parse_size("65536B"), Some(65536));
        assert_eq!(parse_size("1_024KiB"), Some(1 << 20));
        for bad in ["", "MiB", "4MB", "4mib", "4 M", "-4MiB", "4.5MiB", "99999999999999999999", "99999999999GiB"] {
            assert_eq!(parse_size(bad), None, "{bad:?}");
        }
        assert_eq!(from_file("[gc]\nnursery_size = 1048576").unwrap().gc_params.nursery_size, 1 << 20);
        assert_eq!(from_file("[gc]\nnursery_size = 0x100000").unwrap().gc_params.nursery_size, 1 << 20);
        assert_eq!(from_file("[gc]\nmajor_growth = 3").unwrap().gc_params.major_growth, 3.0);
    }

    #[test]
    fn errors_name_file_and_line() {
        check_err(
            "[gc]\nplugin = \"nope\"\n",
            "skiff.toml:2: unknown garbage collector 'nope' in [gc] plugin (valid choices: generational, marksweep, boehm, barriercheck)",
        );
        check_err("[gc]\nplugin = 3\n", "skiff.toml:2: [gc] plugin must be a string, got 3");
        check_err(
            "[gc]\n\nnursery_size = \"4MB\"\n",
            "skiff.toml:3: [gc] nursery_size must be a size in bytes (an integer, or a string such as \"4MiB\" or \"512KiB\"), got \"4MB\"",
        );
        check_err("[gc]\nnursery_size = 1024\n", "skiff.toml:2: [gc] nursery_size must be at least 64KiB, got 1024");
        check_err("[gc]\nnursery_size = -1\n", "skiff.toml:2: [gc] nursery_size must be a size in bytes (an integer, or a string such as \"4MiB\" or \"512KiB\"), got -1");
        check_err("[gc]\nmajor_growth = 1.0\n", "skiff.toml:2: [gc] major_growth must be a number greater than 1.0, got 1.0");
        check_err("[gc]\nmajor_growth = nan\n", "skiff.toml:2: [gc] major_growth must be a number greater than 1.0, got nan");
        check_err("[gc]\nmajor_growth = \"2\"\n", "skiff.toml:2: [gc] major_growth must be a number greater than 1.0, got \"2\"");
        check_err("[gc]\nmarking_threads = 0\n", "skiff.toml:2: [gc] marking_threads must be an integer from 1 to 1024, got 0");
        check_err("[gc]\nmarking_threads = 1.5\n", "skiff.toml:2: [gc] marking_threads must be an integer from 1 to 1024, got 1.5");
        check_err("[gc]\nstress = 0\n", "skiff.toml:2: [gc] stress must be a positive integer, got 0");
        check_err("[gc]\nverify = 1\n", "skiff.toml:2: [gc] verify must be true or false, got 1");
        check_err("[gc]\nstats = \"yes\"\n", "skiff.toml:2: [gc] stats must be true or false, got \"yes\"");
        check_err("[gc]\nverify = [true]\n", "skiff.toml:2: [gc] verify must be true or false, got an array");
        check_err(
            "[gc]\nplugin = \"boehm\"\nnursery = 5\n",
            "skiff.toml:3: unknown key 'nursery' in [gc] (valid keys: plugin, nursery_size, major_growth, marking_threads, stress, verify, stats)",
        );
        check_err("[gc]\n[jit]\nmode = 1\n", "skiff.toml:2: unknown table [jit] (the only table is [gc])");
        check_err("plugin = \"boehm\"\n", "skiff.toml:1: unknown key 'plugin' outside a table (settings go in [gc])");
        check_err("gc = \"boehm\"\n", "skiff.toml:1: gc must be a table ([gc])");
        // The first error in the file is the one reported.
        check_err("[gc]\nzzz = 1\naaa = 2\n", "skiff.toml:2: unknown key 'zzz' in [gc] (valid keys: plugin, nursery_size, major_growth, marking_threads, stress, verify, stats)");
    }

    #[test]
    fn syntax_errors_name_the_line() {
        for (text, line) in [("[gc]\nplugin = \n", 2), ("[gc]\nplugin = \"a\"\nplugin = \"b\"\n", 3), ("\n\n[gc\n", 3)] {
            let e = from_file(text).unwrap_err();
            assert!(e.starts_with(&format!("skiff.toml:{line}: invalid TOML: ")), "{text:?}: {e}");
        }
    }

    #[test]
    fn environment() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        let mut c = Config::default();
        c.apply_env_with(&env(&[("SKIFF_GC", "boehm"), ("SKIFF_GC_STRESS", "7"), ("SKIFF_GC_VERIFY", "1"), ("SKIFF_GC_STATS", "true")]))
            .unwrap();
        assert_eq!((c.gc.as_str(), c.gc_config.stress, c.gc_config.verify, c.gc_stats), ("boehm", Some(7), true, true));
        // Empty variables are unset; "0" turns a file's setting off.
        c.apply_env_with(&env(&[("SKIFF_GC", ""), ("SKIFF_GC_STRESS", ""), ("SKIFF_GC_VERIFY", "0")])).unwrap();
        assert_eq!((c.gc.as_str(), c.gc_config.stress, c.gc_config.verify), ("boehm", Some(7), false));
        let err = |vars| Config::default().apply_env_with(&env(vars)).unwrap_err();
        assert_eq!(err(&[("SKIFF_GC", "gen")]), "unknown garbage collector 'gen' in SKIFF_GC (valid choices: generational, marksweep, boehm, barriercheck)");
        assert_eq!(err(&[("SKIFF_GC_STRESS", "0")]), "SKIFF_GC_STRESS must be a positive integer, got '0'");
        assert_eq!(err(&[("SKIFF_GC_STATS", "maybe")]), "SKIFF_GC_STATS must be 0 or 1, got 'maybe'");
        c.apply_env_with(&env(&[("SKIFF_GC_MARKING_THREADS", "2")])).unwrap();
        assert_eq!(c.gc_params.marking_threads, 2);
        assert_eq!(
            err(&[("SKIFF_GC_MARKING_THREADS", "0")]),
            "SKIFF_GC_MARKING_THREADS must be an integer from 1 to 1024, got '0'"
        );
    }

    #[test]
    fn precedence_and_files() {
        let dir = std::env::temp_dir().join(format!("skiff-config-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let no_env = |_: &str| None;
        // No ./skiff.toml: defaults.
        assert_eq!(Config::resolve(&CliOptions::default(), &no_env, &dir).unwrap().gc, "generational");
        std::fs::write(dir.join("skiff.toml"), "[gc]\nplugin = \"barriercheck\"\nstress = 5\n").unwrap();
        std::fs::write(dir.join("other.toml"), "[gc]\nplugin = \"boehm\"\n").unwrap();
        let file = Config::resolve(&CliOptions::default(), &no_env, &dir).unwrap();
        assert_eq!((file.gc.as_str(), file.gc_config.stress), ("barriercheck", Some(5)));
        // --config replaces ./skiff.toml (stress is back to its default).
        let cli = CliOptions { gc: None, config_file: Some("other.toml".into()) };
        let other = Config::resolve(&cli, &no_env, &dir).unwrap();
        assert_eq!((other.gc.as_str(), other.gc_config.stress), ("boehm", None));
        let env = |k: &str| (k == "SKIFF_GC").then(|| "boehm".to_string());
        assert_eq!(Config::resolve(&CliOptions::default(), &env, &dir).unwrap().gc, "boehm");
        let cli = CliOptions { gc: Some("marksweep".into()), config_file: None };
        let flag = Config::resolve(&cli, &env, &dir).unwrap();
        assert_eq!((flag.gc.as_str(), flag.gc_config.stress), ("marksweep", Some(5)));
        let cli = CliOptions { gc: Some("nope".into()), config_file: None };
        assert_eq!(
            Config::resolve(&cli, &no_env, &dir).unwrap_err(),
            "unknown garbage collector 'nope' given by --gc (valid choices: generational, marksweep, boehm, barriercheck)"
        );
        let cli = CliOptions { gc: None, config_file: Some("missing.toml".into()) };
        let e = Config::resolve(&cli, &no_env, &dir).unwrap_err();
        assert!(e.starts_with("cannot read config file missing.toml: "), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
