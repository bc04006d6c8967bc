# Warum Claudes Antwort kein Bildtext werden konnte, als der Inhaber eine Neufassung wollte (reiner Text).
caption-unusable-invalid-json = Claude konnte keinen brauchbaren Bildtext schreiben: Die Antwort war nicht lesbar.
caption-unusable-schema-mismatch = Claude konnte keinen brauchbaren Bildtext schreiben: Die Antwort hatte nicht die verlangte Form.
caption-unusable-limits-exceeded = Claude konnte keinen brauchbaren Bildtext schreiben: Er sprengte Instagrams Grenzen (2.200 Zeichen, 30 Hashtags, 20 @-Markierungen), auch ohne seine Hashtags.
caption-unusable-banned-term = Claude konnte keinen brauchbaren Bildtext schreiben: Er verwendete immer wieder einen Begriff, den die Marke verbietet (siehe /brand).
caption-unusable-truncated = Claude konnte keinen brauchbaren Bildtext schreiben: Die Antwort brach vor dem Ende ab.
caption-unusable-refused = Claude hat es abgelehnt, diesen Bildtext zu schreiben.
