//! The override file `dossier.toml` of a corpus folder: merge, split, rename and retype
//! actors by hand where the automatic merging is wrong.
//!
//! ```toml
//! [[merge]]                       # these actors are one
//! into = "Volodymyr Zelenskyy"
//! names = ["Zelensky", "Volodymyr Zelenskiy"]
//!
//! [[split]]                       # articles that call the actor this way mean someone else
//! actor = "Donald Trump"
//! alias = "Trump"
//!
//! [rename]
//! "Steve Witkoff" = "Steven Witkoff"
//!
//! [retype]                        # person, organisation, place, unnamed or other
//! "Kremlin" = "organisation"
//! ```
//!
//! Names are matched case-insensitively against an actor's canonical name or any of its
//! aliases.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::extract::actors::ActorKind;
use crate::index::ItemRef;

/// One merge: every actor named in `names` joins the actor named `into`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    /// The actor that absorbs the others (also its name after the merge).
    pub into: String,
    /// The actors merged into it.
    pub names: Vec<String>,
}

/// One split: the local actors written `alias` that were merged into `actor` become an actor
/// of their own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Split {
    /// The actor to split.
    pub actor: String,
    /// The name, as an article calls it, that belongs to someone else.
    pub alias: String,
}

/// The parsed override file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    /// Merges, applied in order.
    #[serde(default)]
    pub merge: Vec<Merge>,
    /// Splits, applied before merges.
    #[serde(default)]
    pub split: Vec<Split>,
    /// New canonical names: old name → new name.
    #[serde(default)]
    pub rename: BTreeMap<String, String>,
    /// New kinds: name → kind.
    #[serde(default)]
    pub retype: BTreeMap<String, String>,
}

/// One correction made in review, applied after the override file and in the order made (so
/// that a rename followed by a merge into the new name works).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// As a `[[merge]]` entry.
    Merge(Merge),
    /// As a `[[split]]` entry.
    Split(Split),
    /// As a `[rename]` entry.
    Rename {
        /// The actor's name before.
        from: String,
        /// Its new name.
        to: String,
    },
    /// Local actor `local` (added to its article for a quotation given a new speaker) joins
    /// the actor named `name`; when there is none, it is an actor of its own of kind `kind`.
    Assign {
        /// The local actor.
        local: ItemRef,
        /// The actor it joins.
        name: String,
        /// Its kind when it stands alone.
        kind: ActorKind,
    },
}

/// The file name looked for in a corpus folder.
pub const FILE_NAME: &str = "dossier.toml";

impl Overrides {
    /// Parses the text of an override file; the error says what is wrong and where.
    pub fn parse(text: &str) -> Result<Overrides, String> {
        let o: Overrides = toml::from_str(text).map_err(|e| e.to_string().trim().to_string())?;
        for (name, kind) in &o.retype {
            if ActorKind::parse(kind).is_none() {
                return Err(format!(
                    "retype \"{name}\": unknown kind \"{kind}\" (use person, organisation, place, unnamed or other)"
                ));
            }
        }
        Ok(o)
    }

    /// Reads `dossier.toml` from a folder, if there is one: `Ok(None)` when absent, `Err`
    /// with a message when it cannot be read or parsed.
    pub fn read_folder(folder: &Path) -> Result<Option<Overrides>, String> {
        let path = folder.join(FILE_NAME);
        if !path.is_file() {
            return Ok(None);
        }
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read: {e}"))?;
        Overrides::parse(&text).map(Some)
    }

    /// Adds the entries of another file.
    pub fn extend(&mut self, other: Overrides) {
        self.merge.extend(other.merge);
        self.split.extend(other.split);
        self.rename.extend(other.rename);
        self.retype.extend(other.retype);
    }

    /// True when the file changes nothing.
    pub fn is_empty(&self) -> bool {
        self.merge.is_empty()
            && self.split.is_empty()
            && self.rename.is_empty()
            && self.retype.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_section() {
        let o = Overrides::parse(
            r#"
[[merge]]
into = "Volodymyr Zelenskyy"
names = ["Zelensky"]

[[split]]
actor = "Donald Trump"
alias = "Trump"

[rename]
"Steve Witkoff" = "Steven Witkoff"

[retype]
"Kremlin" = "organisation"
"#,
        )
        .unwrap();
        assert_eq!(o.merge[0].into, "Volodymyr Zelenskyy");
        assert_eq!(o.merge[0].names, ["Zelensky"]);
        assert_eq!(o.split[0].alias, "Trump");
        assert_eq!(o.rename["Steve Witkoff"], "Steven Witkoff");
        assert_eq!(o.retype["Kremlin"], "organisation");
    }

    #[test]
    fn reports_what_is_wrong() {
        let e = Overrides::parse("[[merge]]\ninto = 3\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
        let e = Overrides::parse("[retype]\nKremlin = \"building\"\n").unwrap_err();
        assert!(e.contains("unknown kind \"building\""), "{e}");
        let e = Overrides::parse("[merj]\n").unwrap_err();
        assert!(e.contains("merj"), "{e}");
    }
}
