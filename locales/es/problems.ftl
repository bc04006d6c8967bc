# Por qué la respuesta de Claude no sirvió como texto cuando el dueño pidió reescribir (texto sin formato).
caption-unusable-invalid-json = Claude no pudo escribir un texto utilizable: su respuesta no se pudo leer.
caption-unusable-schema-mismatch = Claude no pudo escribir un texto utilizable: su respuesta no tenía la forma pedida.
caption-unusable-limits-exceeded = Claude no pudo escribir un texto utilizable: superaba los límites de Instagram (2.200 caracteres, 30 hashtags, 20 menciones con @) incluso sin sus hashtags.
caption-unusable-banned-term = Claude no pudo escribir un texto utilizable: seguía usando un término que la marca prohíbe (ver /brand).
caption-unusable-truncated = Claude no pudo escribir un texto utilizable: su respuesta se cortó antes del final.
caption-unusable-refused = Claude se negó a escribir este texto.
