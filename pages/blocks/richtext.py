"""Rich text features offered to editors in every block."""

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
# Inside a block that already has its own heading (FAQ answers, procedure details).
INLINE_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]
