//! Everything that can change the app's state. Keys are mapped to actions by the keymap;
//! the terminal, the loader and the finder worker send actions too.

use std::sync::Arc;

use crate::app::catalog::Catalog;
use crate::app::keymap::Key;
use crate::app::status::LoadProgress;
use crate::review::Mark;
use crate::review::Opening;
use crate::review::store::Saved;
use crate::search::Found;

/// A change of state. [`crate::app::App::update`] is the only place state changes.
#[derive(Debug, Clone)]
pub enum Action {
    /// Quit (while loading: cancel loading and quit).
    Quit,
    /// Focus the next visible pane.
    FocusNext,
    /// Focus the previous visible pane.
    FocusPrev,
    /// Focus the pane to the left.
    FocusLeft,
    /// Focus the pane to the right.
    FocusRight,
    /// Focus the timeline.
    FocusTimeline,
    /// Focus the actors.
    FocusActors,
    /// Focus the source text.
    FocusSource,
    /// Move up one row or line.
    Up,
    /// Move down one row or line.
    Down,
    /// Move up one page.
    PageUp,
    /// Move down one page.
    PageDown,
    /// Move up half a page.
    HalfPageUp,
    /// Move down half a page.
    HalfPageDown,
    /// Go to the first row or line.
    Top,
    /// Go to the last row or line.
    Bottom,
    /// Choose the selected row (an actor filters the timeline; a finder result jumps).
    Choose,
    /// Clear the actor filter, close an overlay or stop typing.
    Clear,
    /// Go back in the selection history.
    Back,
    /// Go forward in the selection history.
    Forward,
    /// Select the next quotation or mention in the source text.
    NextItem,
    /// Select the previous quotation or mention in the source text.
    PrevItem,
    /// Show the next article.
    NextArticle,
    /// Show the previous article.
    PrevArticle,
    /// Ask for a date and move the timeline cursor to the first entry on or after it.
    GoToDate,
    /// Switch the actor order between mentions and name.
    ToggleSort,
    /// Start typing a filter for the actor list.
    StartFilter,
    /// Open the quotation finder.
    OpenFinder,
    /// Open the help overlay.
    OpenHelp,
    /// Close the open overlay.
    Close,
    /// Type a character into the input being edited.
    Insert(char),
    /// Paste text into the input being edited.
    Paste(String),
    /// Delete the character before the input cursor.
    DeleteBack,
    /// Delete the character under the input cursor.
    DeleteForward,
    /// Delete the word before the input cursor.
    DeleteWord,
    /// Delete everything before the input cursor.
    DeleteToStart,
    /// Move the input cursor left.
    CursorLeft,
    /// Move the input cursor right.
    CursorRight,
    /// Move the input cursor to the start.
    CursorHome,
    /// Move the input cursor to the end.
    CursorEnd,
    /// Mark the selected item (`None` clears its mark).
    Mark(Option<Mark>),
    /// Write or edit the selected item's note.
    EditNote,
    /// Take back the last decision or correction.
    Undo,
    /// Make the last undone decision or correction again.
    Redo,
    /// Give the selected quotation another speaker.
    Reassign,
    /// Set the publication date of the article shown.
    SetDate,
    /// Show all items, or only unreviewed, disputed or to-be-checked ones.
    CycleReviewFilter,
    /// Go to the next (true) or previous item with this mark (`None`: without a mark).
    Jump(bool, Option<Mark>),
    /// Export a report.
    Export,
    /// Merge the selected actor into another.
    MergeActor,
    /// Rename the selected actor.
    RenameActor,
    /// Split a wrongly merged name off the selected actor.
    SplitActor,
    /// Save the review in the per-user data folder, then quit.
    SaveElsewhere,
    /// Quit although decisions are not saved.
    QuitAnyway,
    /// The first key of a two-key sequence was pressed (`None`: the second key ended no
    /// sequence).
    Prefix(Option<Key>),
    /// The terminal was resized to (columns, rows).
    Resize(u16, u16),
    /// A mouse click at (column, row).
    Click(u16, u16),
    /// A mouse wheel turn at (column, row), down when true.
    Wheel(u16, u16, bool),
    /// Loading progress was sampled.
    Progress(LoadProgress),
    /// The corpus finished loading.
    Loaded(Arc<Catalog>),
    /// The finder's index is built and searches can run.
    FinderReady,
    /// Finder results for the query of a generation.
    Found(u64, Found),
    /// The review file was read and its corrections applied (sent before `Loaded`).
    ReviewOpened(Box<Opening>),
    /// A save of the review as of a generation finished.
    Saved(u64, Result<Saved, String>),
    /// A report was written (what to say), or could not be.
    Written(Result<String, String>),
    /// The finder is stopped: apply the review's corrections and rebuild the corpus views.
    Rebuild,
}
