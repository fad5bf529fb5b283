//! ARCHITECTURE.md's checkable invariants, checked on the source itself.

use std::path::{Path, PathBuf};

/// Every Rust file under `dir`, with its path from the crate's root.
fn rust_files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("a source folder") {
            let path: PathBuf = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                let name = path
                    .strip_prefix(root())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((name, text));
            }
        }
    }
    out.sort();
    out
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The files outside `allowed` (path prefixes) whose text matches `found`.
fn offenders(allowed: &[&str], found: impl Fn(&str) -> bool) -> Vec<String> {
    let files = rust_files(&root().join("src"));
    assert!(
        files.len() > 40,
        "the walk found the sources ({} files)",
        files.len()
    );
    files
        .into_iter()
        .filter(|(name, _)| !allowed.iter().any(|a| name.starts_with(a)))
        .filter(|(_, text)| {
            text.lines()
                .any(|l| !l.trim_start().starts_with("//") && found(l))
        })
        .map(|(name, _)| name)
        .collect()
}

/// No file outside `owners` has a line (not a comment) holding `needle`,
/// and some owner has one: the search finds what it looks for.
fn only_in(owners: &[&str], needle: &str, why: &str) {
    let found = offenders(owners, |l| l.contains(needle));
    assert_eq!(found, Vec::<String>::new(), "{needle} outside {why}");
    let everywhere = offenders(&[], |l| l.contains(needle));
    assert!(
        everywhere
            .iter()
            .any(|f| owners.iter().any(|o| f.starts_with(o))),
        "no owner of {needle} has one: the search is looking for the wrong thing"
    );
}

#[test]
fn only_format_web_and_the_defaults_table_build_json() {
    only_in(
        &["src/format/", "src/web/", "src/evidence.rs"],
        "json!",
        "the modules that own JSON shapes",
    );
}

#[test]
fn only_display_errors_and_web_derive_serialize() {
    only_in(
        &["src/display/", "src/errors.rs", "src/web/"],
        "Serialize",
        "display, errors and web",
    );
}

/// A format string's precision, such as `{x:.1}` or `{:>8.2}`.
fn rounds(line: &str) -> bool {
    line.split('{').skip(1).any(|rest| {
        let spec = rest.split('}').next().unwrap_or("");
        spec.split_once(':').is_some_and(|(_, f)| {
            f.split_once('.')
                .is_some_and(|(_, p)| p.starts_with(|c: char| c.is_ascii_digit()))
        })
    })
}

#[test]
fn only_display_rounds_numbers_for_people() {
    assert!(rounds(r#"format!("{x:.0}")"#) && rounds(r#"format!("{:>14.2}", x)"#));
    assert!(!rounds(r#"format!("{x} {y:?} {:>14}", z)"#));
    let found = offenders(&["src/display/"], rounds);
    assert_eq!(
        found,
        Vec::<String>::new(),
        "numbers rounded for display outside display"
    );
    assert!(
        offenders(&[], rounds)
            .iter()
            .any(|f| f.starts_with("src/display/")),
        "display rounds numbers, and the search should find it"
    );
}

/// The page's scripts (`www/*.js`) with their text: there are dozens, so an
/// empty list means the walk is wrong, not that the page is clean.
fn page_scripts() -> Vec<(String, String)> {
    let mut scripts = Vec::new();
    for entry in std::fs::read_dir(root().join("www")).expect("www") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "js") {
            let text = std::fs::read_to_string(&path).expect("a script");
            scripts.push((path.display().to_string(), text));
        }
    }
    assert!(
        scripts.len() > 30,
        "the walk found the page's scripts ({})",
        scripts.len()
    );
    scripts
}

/// Issue 24: each headline measure is named in one place
/// (`display::measures`), so no two outputs call the same figure by
/// different words: no other source file quotes a measure's name or
/// heading, or the name one of them once had.
#[test]
fn each_measure_is_named_once() {
    let mut names: Vec<String> = sfpc::display::HEADLINE_MEASURES
        .iter()
        .flat_map(|m| [m.label, m.sheet_heading])
        .map(|name| format!("\"{name}\""))
        .collect();
    names.push("\"Cashable council net present value\"".into());
    assert!(names.len() >= 13, "{names:?}");
    for label in &names {
        let found = offenders(&["src/display/measures.rs"], |l| l.contains(label.as_str()));
        assert_eq!(
            found,
            Vec::<String>::new(),
            "{label} outside display::measures"
        );
    }
    // Nor does a page script or its markup: the glossary, the decision
    // panel's label and the tables' captions are the engine's.
    let labels: Vec<&str> = sfpc::display::HEADLINE_MEASURES
        .iter()
        .map(|m| m.label)
        .collect();
    let scripts = scripts_holding(
        &labels,
        "<li><strong>Benefit-cost ratio</strong>: discounted savings",
        "<ul id=\"method-measures\"></ul>",
    );
    assert_eq!(scripts, Vec::<String>::new(), "scripts that name a measure");
    let owner = offenders(&[], |l| l.contains("\"Payback (years)\""));
    assert_eq!(
        owner,
        ["src/display/measures.rs"],
        "the search finds the owner"
    );
}

/// The page's scripts that hold any of `patterns`, after checking that the
/// test finds `example` (so a test built on it can fail) and not `clean`.
fn scripts_holding(patterns: &[&str], example: &str, clean: &str) -> Vec<String> {
    let holds = |text: &str| patterns.iter().any(|s| text.contains(s));
    assert!(holds(example) && !holds(clean), "{patterns:?}");
    page_scripts()
        .into_iter()
        .filter(|(_, text)| holds(text))
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn the_page_rounds_no_figures() {
    let found = scripts_holding(
        &["toFixed(", "toPrecision(", "Intl.NumberFormat"],
        "x.toFixed(2)",
        "format_money(x)",
    );
    assert_eq!(
        found,
        Vec::<String>::new(),
        "scripts that round figures (the engine's format functions do)"
    );
}

/// Issue 24: no script words a count ("3 councils match"): a sentence about
/// a number is the engine's (`display::counts`), so a plural chosen in
/// JavaScript (`n === 1 ? '' : 's'`) is a sentence written in the wrong place.
#[test]
fn the_page_writes_no_plurals() {
    let found = scripts_holding(
        &["'' : 's'", "'s' : ''", "\"\" : \"s\"", "\"s\" : \"\""],
        "`${n} row${n === 1 ? '' : 's'}`",
        "analysis.councilsShown(councils, all, rows)",
    );
    assert_eq!(
        found,
        Vec::<String>::new(),
        "scripts that choose a plural (display::counts words counts)"
    );
}

/// Issue 24: a chart's heading and caption are the engine's
/// (`display::CHARTS`, which chart-view.js puts in): no script passes a
/// chart words (`chart('flows', 'Costs, grant and savings by year')`).
#[test]
fn no_script_words_a_chart() {
    let worded = |text: &str| {
        text.match_indices("chart('").any(|(i, _)| {
            let rest = &text[i + "chart('".len()..];
            rest.find('\'').is_some_and(|end| {
                let after = &rest[end + 1..];
                after.starts_with(", '") || after.starts_with(", `")
            })
        })
    };
    assert!(worded("${chart('flows', 'Costs by year')}"));
    assert!(!worded("${chart('flows', { tall: true })}") && !worded("${chart('who')}"));
    let found: Vec<String> = page_scripts()
        .into_iter()
        .filter(|(_, text)| worded(text))
        .map(|(path, _)| path)
        .collect();
    assert_eq!(found, Vec::<String>::new(), "scripts that word a chart");
}

/// Issue 24: the engine lists the charts and what each is drawn from
/// (`display::CHARTS`, `ChartSource`); the page draws each from its source
/// (chart-view.js), so no script keeps a list of charts or names a
/// module's drawing function for one chart.
#[test]
fn no_script_lists_the_charts() {
    let found = scripts_holding(
        &[
            "-chart', '",
            "-chart\", \"",
            "drawFan",
            "drawTornado",
            "drawYearlyFlows",
            "drawEvppi",
        ],
        "const CHARTS = ['evppi-chart', 'acceptability-chart'];",
        "for (const id of canvasesFrom((source) => source === 'simulation')) draw(id);",
    );
    assert_eq!(found, Vec::<String>::new(), "scripts that list charts");
}

/// Issue 15: no page module a newcomer cannot hold in their head.
#[test]
fn no_page_module_is_over_400_lines() {
    let long: Vec<String> = page_scripts()
        .into_iter()
        .map(|(path, text)| (path, text.lines().count()))
        .filter(|&(_, lines)| lines > 400)
        .map(|(path, lines)| format!("{path}: {lines} lines"))
        .collect();
    assert_eq!(long, Vec::<String>::new());
}

/// One row of ARCHITECTURE.md's layer table: its modules and, for each, the
/// package that compiles it.
struct Layer {
    modules: Vec<String>,
    packages: Vec<String>,
}

/// The names between backticks in a table cell.
fn quoted(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// ARCHITECTURE.md's layers over the model, lowest first, read from its
/// table (`| 8 | \`charts\`, … | \`sfpc-charts\`, … | … |`): the one place
/// they are declared. A module uses the model and the modules of the layers
/// below its own, never one beside or above it; every module of `src/` is
/// in one.
fn layer_table() -> Vec<Layer> {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let rows: Vec<Layer> = text
        .lines()
        .skip_while(|l| !l.starts_with("| layer | modules | package |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|row| {
            let cells: Vec<&str> = row.split('|').collect();
            Layer {
                modules: quoted(cells.get(2).unwrap_or(&"")),
                packages: quoted(cells.get(3).unwrap_or(&"")),
            }
        })
        .collect();
    assert!(
        rows.len() >= 5,
        "ARCHITECTURE.md's layer table has {} rows",
        rows.len()
    );
    rows
}

fn layers() -> Vec<Vec<String>> {
    layer_table().into_iter().map(|l| l.modules).collect()
}

/// The `sfpc-*` packages a manifest's `[dependencies]` name.
fn package_dependencies(manifest: &str) -> Vec<String> {
    manifest
        .lines()
        .skip_while(|l| l.trim() != "[dependencies]")
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| name.starts_with("sfpc-"))
        .map(str::to_owned)
        .collect()
}

/// The modules a package's root declares (`pub mod name;`).
fn declared_modules(lib: &str) -> Vec<String> {
    let mut names: Vec<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|rest| rest.trim_end_matches(';').to_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn each_layer_is_a_package_that_names_only_those_below() {
    let table = layer_table();
    // Each package's layers, by the table.
    let mut layers_of = std::collections::BTreeMap::<String, Vec<usize>>::new();
    let mut modules_of = std::collections::BTreeMap::<String, Vec<String>>::new();
    for (i, layer) in table.iter().enumerate() {
        assert_eq!(layer.modules.len(), layer.packages.len(), "layer {}", i + 1);
        for (module, package) in layer.modules.iter().zip(&layer.packages) {
            layers_of.entry(package.clone()).or_default().push(i);
            modules_of
                .entry(package.clone())
                .or_default()
                .push(module.clone());
        }
    }
    let mut checked = 0;
    for (package, layers) in &layers_of {
        if package == "sfpc" {
            continue;
        }
        let dir = root()
            .join("crates")
            .join(package.trim_start_matches("sfpc-"));
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).expect("a manifest");
        assert!(
            manifest.contains(&format!("name = \"{package}\"")),
            "{dir:?}"
        );
        let lowest = layers.iter().min().copied().unwrap_or(0);
        for dependency in package_dependencies(&manifest) {
            if dependency == "sfpc-model" {
                continue;
            }
            let highest = layers_of.get(&dependency).and_then(|l| l.iter().max());
            assert!(
                highest.is_some_and(|&h| h < lowest),
                "{package} depends on {dependency}, which is not below it"
            );
            checked += 1;
        }
        let lib = std::fs::read_to_string(dir.join("lib.rs")).expect("a lib.rs");
        let mut expected = modules_of[package].clone();
        expected.sort();
        assert_eq!(declared_modules(&lib), expected, "{package}'s lib.rs");
    }
    // It found the packages and the edges the code is known to have.
    assert!(layers_of.len() >= 6, "{layers_of:?}");
    assert!(checked >= 5, "only {checked} dependencies checked");
    let format = std::fs::read_to_string(root().join("crates/format/Cargo.toml")).unwrap();
    assert!(package_dependencies(&format).contains(&"sfpc-display".to_owned()));
}

/// `src/lib.rs` names the layers twice: re-exported from their packages
/// (native builds) and as its own modules (WebAssembly). Both lists are the
/// table's modules outside `sfpc`.
#[test]
fn the_webassembly_build_compiles_the_packages_modules() {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).expect("src/lib.rs");
    let mut native: Vec<String> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub use sfpc_"))
        .filter(|l| !l.starts_with("model::"))
        .flat_map(|l| {
            let names = l.split("::").nth(1).unwrap_or("");
            names
                .trim_matches(|c| "{};".contains(c))
                .split(',')
                .map(|n| n.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    native.sort();
    let mut wasm = declared_modules(&lib);
    wasm.retain(|m| m != "audit" && m != "web");
    let mut table: Vec<String> = layer_table()
        .into_iter()
        .flat_map(|l| l.modules.into_iter().zip(l.packages))
        .filter(|(_, p)| p != "sfpc")
        .map(|(m, _)| m)
        .collect();
    table.sort();
    assert!(table.len() >= 10, "{table:?}");
    assert_eq!(native, table);
    assert_eq!(wasm, table);
}

/// The model's modules, as `src/lib.rs` re-exports them from `sfpc_model`:
/// below every layer.
fn model_modules() -> Vec<String> {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).expect("src/lib.rs");
    let list = lib
        .split("pub use sfpc_model::{")
        .nth(1)
        .and_then(|rest| rest.split('}').next())
        .expect("lib.rs re-exports the model's modules");
    let modules: Vec<String> = list
        .split(',')
        .map(|m| m.trim().to_owned())
        .filter(|m| !m.is_empty())
        .collect();
    assert!(modules.contains(&"appraisal".to_owned()), "{modules:?}");
    modules
}

/// The top-level module a source path belongs to (`src/display/mod.rs` and
/// `src/display.rs` are both `display`); `None` for the root and the command.
fn module_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("src/")?;
    let first = rest.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!["lib", "bin", "model"].contains(&name)).then_some(name)
}

/// Each `crate::name` a line names, not in a comment.
fn crate_paths(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .flat_map(|l| l.split("crate::").skip(1))
        .map(|rest| {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn no_module_uses_one_in_its_own_layer_or_above() {
    let (layers, model) = (layers(), model_modules());
    let layer_of = |m: &str| layers.iter().position(|l| l.iter().any(|x| x == m));
    let mut edges = std::collections::BTreeSet::new();
    let mut wrong = Vec::new();
    for (path, text) in rust_files(&root().join("src")) {
        let Some(from) = module_of(&path) else {
            continue;
        };
        let Some(own) = layer_of(from) else {
            wrong.push(format!("{path}: module {from} is in no layer"));
            continue;
        };
        for to in crate_paths(&text) {
            if to == from || model.iter().any(|m| m == to) {
                continue;
            }
            edges.insert((from.to_owned(), to.to_owned()));
            match layer_of(to) {
                Some(theirs) if theirs < own => {}
                Some(_) => wrong.push(format!("{path}: {from} uses {to}, in its layer or above")),
                None => wrong.push(format!("{path}: {from} uses {to}, which is in no layer")),
            }
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
    // The walk sees what is there: edges the code is known to have.
    for (from, to) in [
        ("web", "display"),
        ("format", "display"),
        ("evidence", "format"),
        ("audit", "workbook"),
    ] {
        assert!(
            edges.contains(&(from.into(), to.into())),
            "the walk missed {from} → {to}"
        );
    }
    assert!(edges.len() > 20, "only {} edges found", edges.len());
}

#[test]
fn only_web_knows_about_javascript_and_the_model_draws_nothing() {
    for needle in ["wasm_bindgen", "web_sys"] {
        only_in(&["src/web/"], needle, "web");
    }
    let drawing = offenders(&[], |l| l.contains("plotters"));
    assert!(drawing.iter().any(|f| f.starts_with("src/charts/")));
    let model: Vec<_> = drawing
        .iter()
        .filter(|f| f.starts_with("src/model/"))
        .collect();
    assert_eq!(model, Vec::<&String>::new(), "the model draws");
}
