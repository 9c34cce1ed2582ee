"""The media pane: the current paper's teaser, a picture or a video, downloaded within limits,
cached, and prefetched for reading offline."""
