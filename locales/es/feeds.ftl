# /feeds: la lista, sus botones, añadir y quitar.

feeds-empty = <b>Feeds</b>
    Aún no hay feeds. Toca «➕ Añadir un feed» o envía /feeds seguido de la dirección del feed.
feeds-heading = <b>Feeds</b> ({ $count }){ $page }
feeds-untitled = (feed sin título)
feeds-footer = Añade uno con el botón o con /feeds seguido de su dirección.
feeds-last-read = leído { $ago }
feeds-never-read = nunca leído
feeds-failed = ⚠️ falló { $failures ->
        [one] una vez
       *[other] { $failures } veces seguidas
    }, la última{ $when }{ $error } ({ $lastRead })
feeds-healthy = ✅ { $lastRead }
feeds-not-read-yet = ⏳ aún sin leer (primera lectura { $when })
feeds-remove-button = 🗑 Quitar { $number }
feeds-add-button = ➕ Añadir un feed
toast-feed-removed = Quitado: { $shortTitle }
toast-feed-already-removed = Ese feed ya se había quitado.
feeds-prompt = Envía la dirección de un feed RSS o Atom, p. ej. https://example.com/feed.xml.
feeds-duplicate = Ese feed ya está en la lista. Envía otra dirección, o /cancel.
feeds-too-many = Una marca puede tener como máximo { $limit } feeds; quita uno en /feeds primero.
feeds-already-listed = Ese feed ya está en la lista.
feeds-added = ✅ Añadido { $title }. Su primera lectura es { $when }; sus nuevas noticias llegarán como borradores.
feeds-added-untitled = el feed (no tiene título)
feeds-first-read-at = el { $when }
feeds-first-read-soon = en unos minutos
time-just-now = ahora mismo
time-minutes-ago = hace { $count } min
time-hours-ago = hace { $count } h
time-days-ago = { $count ->
        [one] hace { $count } día
       *[other] hace { $count } días
    }
