<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>BibTeX (.bib)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown reading list (.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unexpected error ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} ({file})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving changes to {n} papers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first {shown} of {n} characters; Copy All copies them all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Star (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes, in Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the paper…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No paper selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note is not saved: {why}. It stays here and is saved again when you leave this paper; you will be asked about it before the window closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} of “{paper}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {n} votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the digests of {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authors unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ Star all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>☆ Unstar all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all as {status} ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the status of all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} papers selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note on “{title}” could not be saved: {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy puts it on the clipboard and keeps the window open, to paste it elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note.md</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {file}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is still being written; try again when it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {path}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported 1 paper to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {n} papers to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {n} selected papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The paper in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {n} papers in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} new papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} file(s) rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} file(s) with warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported, with a warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a saved search named “{name}”. Replace its query?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename saved search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit saved search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the saved search “{name}”? Its papers stay in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete saved search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search (Ctrl+F)   e.g. {example}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this search in the sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Search&lt;/b&gt;: words and &amp;quot;phrases&amp;quot; (title, authors, summaries, notes, tags)&lt;br&gt;-word excludes; AND is implied; OR; (parentheses)&lt;br&gt;tag:X · status:read · is:starred · is:unread&lt;br&gt;author:&quot;Name&quot; · title:word · note:word&lt;br&gt;votes:&amp;gt;50 · date:2024-03 · date:&amp;lt;7d · digest:2024-03-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This query no longer reads: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{papers} papers, {unread} unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Query…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle &amp;Star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to &amp;Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;mpty Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted {what} for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {what} for good? Their notes and tags go too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open on arXiv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open PD&amp;F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on &amp;Hugging Face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Star {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unstar {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle the star of {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark {what} as {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag {what} with {tag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untag {what} from {tag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move {what} to the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore {what} from the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All Papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Advance After Setting Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s backup of the library was not made: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not show {entry}: {why}; showing all papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the library: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;No papers yet&lt;/h2&gt;&lt;p&gt;Drop digest files or folders here,&lt;br&gt;or use &lt;b&gt;File → Import…&lt;/b&gt;&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;{import_folder}&quot;&gt;Import a folder…&lt;/a&gt; &amp;nbsp;·&amp;nbsp; &lt;a href=&quot;{sample}&quot;&gt;Try the sample digest&lt;/a&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No papers match this search here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No papers here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown digests (*.md);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder of digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Remote Media &amp;Automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prefetch Media for This Digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefetch Media for the &amp;Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Prefetching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;opy Teaser Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No media for this paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video teaser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image teaser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Teaser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaser not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaser not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no video player is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a video this player can open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no video track this player can decode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the sound on or off (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefetching media: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{cached} teasers ready for offline reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{failed} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{received} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos cannot play: Qt Multimedia could not load ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos cannot play: Qt Multimedia could not load ({library} is missing). Install the package that provides it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos cannot play: Qt Multimedia could not load ({library} is missing). Install {package}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This teaser is not on the web (only http and https addresses are loaded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This teaser&apos;s address is too long to load ({detail} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach {host}. You may be offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} answered “{detail}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} sent this teaser too slowly: it was given up after {detail} seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This teaser is too large to download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} redirected too many times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} did not send a whole video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} did not send a whole image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This video cannot be played on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote media is not loaded automatically.
The teaser is on {host}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no library is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The font licence’s full text: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily research-paper digests, in one library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About readinglist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About readinglist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the name of an action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Media Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;maller Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Text Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;BibTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;Citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open {n} pages in your web browser, one for each selected paper?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied 1 paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied {n} papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start a web browser to open {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
