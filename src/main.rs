//! The `skiff` command line.

use std::process::exit;

const USAGE: &str = "usage: skiff [option] ... [-c cmd | file | --dis file] [arg] ...
Options:
  -c cmd         program passed in as string
  --dis file     print the bytecode of every code object in file
  --gc NAME      garbage collector: generational (default), marksweep, boehm,
                 barriercheck (also SKIFF_GC)
  --config PATH  read settings from PATH instead of ./skiff.toml
  --version      print the version and exit
  -h, --help     print this help and exit
Environment (overrides the config file; --gc overrides both):
  SKIFF_GC          collector name
  SKIFF_GC_STRESS=N collect every N allocations
  SKIFF_GC_VERIFY=1 verify the heap after every collection
  SKIFF_GC_STATS=1  print collector statistics to stderr at exit
Config file (skiff.toml): a [gc] table with plugin, nursery_size, major_growth,
  marking_threads, stress, verify, stats";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut cli = skiff::CliOptions::default();
    let mut argv = vec![String::new()];
    let mut i = 1;
    let mut command: Option<String> = None;
    let mut script: Option<String> = None;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "-h" | "--help" => { println!("{USAGE}"); return; }
            "--version" | "-V" => { println!("skiff {} (Python 3.11 compatible)", env!("CARGO_PKG_VERSION")); return; }
            "-c" => {
                let Some(c) = args.get(i + 1) else { eprintln!("Argument expected for the -c option\n{USAGE}"); exit(2) };
                command = Some(c.clone());
                argv = std::iter::once("-c".to_string()).chain(args[i + 2..].iter().cloned()).collect();
                break;
            }
            "--dis" => {
                let Some(f) = args.get(i + 1) else { eprintln!("Argument expected for the --dis option"); exit(2) };
                match skiff::disassemble_file(f) {
                    Ok(s) => { print!("{s}"); return; }
                    Err(e) => { eprintln!("{e}"); exit(1); }
                }
            }
            "--gc" => {
                let Some(g) = args.get(i + 1) else { eprintln!("Argument expected for the --gc option"); exit(2) };
                cli.gc = Some(g.clone());
                i += 2;
                continue;
            }
            _ if a.starts_with("--gc=") => { cli.gc = Some(a[5..].to_string()); i += 1; continue; }
            "--config" => {
                let Some(f) = args.get(i + 1) else { eprintln!("Argument expected for the --config option"); exit(2) };
                cli.config_file = Some(f.into());
                i += 2;
                continue;
            }
            _ if a.starts_with("--config=") => { cli.config_file = Some(a[9..].into()); i += 1; continue; }
            _ if a.starts_with('-') && a.len() > 1 => {
                eprintln!("Unknown option: {a}\n{USAGE}");
                exit(2);
            }
            _ => {
                script = Some(a.to_string());
                argv = args[i..].to_vec();
                break;
            }
        }
    }
    // Configuration errors (a bad skiff.toml, SKIFF_GC* or --gc) exit 2
    // before anything runs.
    let mut config = match skiff::Config::load(&cli) {
        Ok(c) => c,
        Err(e) => { eprintln!("skiff: {e}"); exit(2); }
    };
    config.argv = argv;
    // sys.path[0]: the script's directory as an absolute path (CPython's
    // choice, visible in tracebacks of imported modules), or '' for -c.
    let dir = match &script {
        Some(s) => std::path::absolute(s).ok().and_then(|p| p.parent().map(|d| d.to_string_lossy().to_string()))
            .unwrap_or_else(|| ".".into()),
        None => String::new(),
    };
    config.path = vec![dir];
    if script.is_none() && command.is_none() {
        eprintln!("skiff: no script given (the interactive prompt is not supported)\n{USAGE}");
        exit(2);
    }
    if let Some(s) = &script {
        if !std::path::Path::new(s).exists() {
            eprintln!("skiff: can't open file '{s}': [Errno 2] No such file or directory");
            exit(2);
        }
    }
    // Run on a thread with a large stack: deep native recursion is bounded by
    // the stack guard, and a big stack lets legitimate nesting go deep.
    let child = std::thread::Builder::new().stack_size(256 << 20).spawn(move || {
        let mut vm = match skiff::new_vm(&config) {
            Ok(vm) => vm,
            Err(e) => { eprintln!("skiff: {e}"); return 2; }
        };
        let code = match (&command, &script) {
            (Some(c), _) => skiff::run_source(&mut vm, c, "<string>"),
            (_, Some(s)) => skiff::run_file(&mut vm, s),
            _ => 2,
        };
        if config.gc_stats {
            eprint!("{}", skiff::gc_summary(vm.heap.gc.name(), &vm.heap.gc.stats()));
        }
        code
    }).expect("spawn the interpreter thread");
    let code = child.join().unwrap_or(70);
    exit(code);
}
