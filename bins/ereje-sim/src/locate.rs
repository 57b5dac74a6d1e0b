//! Where a key is in a scenario file: from a key path (`process.steps[3].role`, as the engine's
//! validation reports it) to a line, and from a byte offset (as the TOML parser reports it) back
//! to a key path.
//!
//! The approach: the file is parsed a second time with `toml_edit`, which keeps the byte span of
//! every key and value. [`locate`] walks the document along the path's segments (table keys,
//! array and array-of-tables indices) and returns the span of the deepest part it finds, so a key
//! that is absent (a staffed step without `role`) points at the table that should hold it.
//! [`path_at`] lists every key with its spans and picks the deepest one containing an offset.
//! The serde deserializer cannot place errors inside an internally tagged enum (a step's
//! `kind`): those come back spanning the whole `[[process.steps]]` array, and
//! `crate::scenario` narrows them down step by step.

use std::ops::Range;

use ereje_sim_engine::{KeyPath, PathSegment};
use toml_edit::{ArrayOfTables, ImDocument, Item, Table, Value};

/// A one-based line and column of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Where a key path is: the span of its deepest part present in the file, and whether the whole
/// path is there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The byte span (of the key when there is one, else of the value or table header).
    pub span: Range<usize>,
    /// The whole path exists (false: `span` is the deepest existing ancestor).
    pub exact: bool,
}

/// A child of a node: its segment, key span, value span and the node.
type Child<'a> = (PathSegment, Option<Range<usize>>, Option<Range<usize>>, Node<'a>);

/// A node of the document, whatever its syntax.
#[derive(Clone, Copy)]
enum Node<'a> {
    Table(&'a Table),
    Tables(&'a ArrayOfTables),
    Value(&'a Value),
    None,
}

impl<'a> Node<'a> {
    fn of(item: &'a Item) -> Node<'a> {
        match item {
            Item::Table(t) => Node::Table(t),
            Item::ArrayOfTables(a) => Node::Tables(a),
            Item::Value(v) => Node::Value(v),
            Item::None => Node::None,
        }
    }

    /// The child at `seg`: its span (key span for a table entry) and the node.
    fn child(self, seg: &PathSegment) -> Option<(Option<Range<usize>>, Node<'a>)> {
        match (self, seg) {
            (Node::Table(t), PathSegment::Key(k)) => t
                .get_key_value(k)
                .map(|(key, item)| (key.span().or_else(|| item.span()), Node::of(item))),
            (Node::Value(Value::InlineTable(t)), PathSegment::Key(k)) => t
                .get_key_value(k)
                .map(|(key, item)| (key.span().or_else(|| item.span()), Node::of(item))),
            (Node::Tables(a), PathSegment::Index(i)) => {
                a.get(*i).map(|t| (t.span(), Node::Table(t)))
            }
            (Node::Value(Value::Array(a)), PathSegment::Index(i)) => {
                a.get(*i).map(|v| (v.span(), Node::Value(v)))
            }
            _ => None,
        }
    }

    /// Every child: its segment, key span and value span.
    fn children(self) -> Vec<Child<'a>> {
        let mut out = Vec::new();
        match self {
            Node::Table(t) => {
                for (k, _) in t.iter() {
                    if let Some((key, item)) = t.get_key_value(k) {
                        out.push((
                            PathSegment::Key(k.to_owned()),
                            key.span(),
                            item.span(),
                            Node::of(item),
                        ));
                    }
                }
            }
            Node::Value(Value::InlineTable(t)) => {
                for (k, _) in t.iter() {
                    if let Some((key, item)) = t.get_key_value(k) {
                        out.push((
                            PathSegment::Key(k.to_owned()),
                            key.span(),
                            item.span(),
                            Node::of(item),
                        ));
                    }
                }
            }
            Node::Tables(a) => {
                for (i, t) in a.iter().enumerate() {
                    out.push((PathSegment::Index(i), t.span(), None, Node::Table(t)));
                }
            }
            Node::Value(Value::Array(a)) => {
                for (i, v) in a.iter().enumerate() {
                    out.push((PathSegment::Index(i), None, v.span(), Node::Value(v)));
                }
            }
            Node::Value(_) | Node::None => {}
        }
        out
    }
}

/// Finds `path` in the document.
pub fn locate(doc: &ImDocument<&str>, path: &KeyPath) -> Option<Found> {
    let mut node = Node::of(doc.as_item());
    let mut best: Option<Range<usize>> = None;
    for seg in &path.0 {
        let Some((span, child)) = node.child(seg) else {
            return best.map(|span| Found { span, exact: false });
        };
        if span.is_some() {
            best = span;
        }
        node = child;
    }
    best.map(|span| Found { span, exact: true })
}

/// The deepest key path whose key or value span contains `offset` (the root path when none
/// does).
pub fn path_at(doc: &ImDocument<&str>, offset: usize) -> KeyPath {
    let mut path = KeyPath::default();
    let mut node = Node::of(doc.as_item());
    'descend: loop {
        for (seg, key, value, child) in node.children() {
            let inside = |r: &Option<Range<usize>>| r.as_ref().is_some_and(|r| r.contains(&offset));
            if inside(&key) || inside(&value) || contains_deep(child, offset) {
                path.0.push(seg);
                node = child;
                continue 'descend;
            }
        }
        return path;
    }
}

/// Whether some key or value under `node` contains `offset`.
fn contains_deep(node: Node<'_>, offset: usize) -> bool {
    node.children().into_iter().any(|(_, k, v, child)| {
        k.as_ref().is_some_and(|r| r.contains(&offset))
            || v.as_ref().is_some_and(|r| r.contains(&offset))
            || contains_deep(child, offset)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"[run]
start = "2025-01-01"
seed = 1

[process.roles.clerk]
staff = 2

[[process.steps]]
kind = "staffed"
id = "work"
effort = { dist = "fixed", minutes = 20 }
next = "done"

[[process.steps]]
kind = "condition"
id = "c"
branches = [{ to = "a", probability = 0.5 }, { to = "b", probability = 1.5 }]
"#;

    fn p(s: &[&str]) -> KeyPath {
        KeyPath(
            s.iter()
                .map(|x| match x.parse::<usize>() {
                    Ok(i) => PathSegment::Index(i),
                    Err(_) => PathSegment::Key((*x).to_owned()),
                })
                .collect(),
        )
    }

    #[test]
    fn paths_are_found_on_their_lines() {
        let doc = ImDocument::parse(DOC).unwrap();
        let cases: &[(&[&str], usize, bool)] = &[
            (&["run", "seed"], 3, true),
            (&["process", "roles", "clerk", "staff"], 6, true),
            (&["process", "steps", "0", "effort", "minutes"], 11, true),
            (&["process", "steps", "0", "role"], 8, false),
            (&["process", "steps", "1", "branches", "1", "probability"], 17, true),
            (&["process", "steps", "1"], 14, true),
            (&["nowhere"], 0, false),
        ];
        for (path, line, exact) in cases {
            let found = locate(&doc, &p(path));
            match found {
                Some(f) => {
                    assert_eq!(line_col(DOC, f.span.start).0, *line, "{path:?}");
                    assert_eq!(f.exact, *exact, "{path:?}");
                }
                None => assert_eq!(*line, 0, "{path:?}"),
            }
        }
    }

    #[test]
    fn offsets_map_back_to_paths() {
        let doc = ImDocument::parse(DOC).unwrap();
        let at = |needle: &str| DOC.find(needle).unwrap();
        assert_eq!(path_at(&doc, at("seed")).to_string(), "run.seed");
        assert_eq!(path_at(&doc, at("staff =")).to_string(), "process.roles.clerk.staff");
        assert_eq!(
            path_at(&doc, at("1.5")).to_string(),
            "process.steps[1].branches[1].probability"
        );
        assert_eq!(path_at(&doc, at("minutes")).to_string(), "process.steps[0].effort.minutes");
    }

    #[test]
    fn lines_and_columns_count_from_one() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab", 99), (1, 3));
    }
}
