# Why Claude's answer could not become a caption, when the owner asked for a rewrite (plain text). Each names
# what was wrong; the drafter already retried once.
caption-unusable-invalid-json = Claude could not write a usable caption: its answer could not be read.
caption-unusable-schema-mismatch = Claude could not write a usable caption: its answer was not in the form asked for.
caption-unusable-limits-exceeded = Claude could not write a usable caption: it broke Instagram's limits (2,200 characters, 30 hashtags, 20 @ tags) even without its hashtags.
caption-unusable-banned-term = Claude could not write a usable caption: it kept using a term the brand bans (see /brand).
caption-unusable-truncated = Claude could not write a usable caption: its answer was cut off before the end.
caption-unusable-refused = Claude declined to write this caption.
