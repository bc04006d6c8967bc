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
# Qué falla en la dirección de feed que escribió el dueño (texto sin formato).
feed-url-empty = Envía la dirección del feed, como https://example.com/feed.xml.
feed-url-spaces = Envía una sola dirección, sin espacios.
feed-url-invalid = { $input } no es una dirección web. Envía una como https://example.com/feed.xml.
feed-url-not-http = Los feeds deben ser direcciones web que empiecen por https:// o http://.
feed-url-incomplete-host = { $input } no es un nombre de servidor completo. Envía la dirección entera, como https://example.com/feed.xml.
feed-url-credentials = No se admiten direcciones con usuario o contraseña.
feed-url-too-long = Esa dirección es demasiado larga.
# Por qué no se pudo leer un feed, guardado como código y mostrado en el idioma de quien lo lee (texto sin
# formato). $url es la dirección del feed sin su consulta, $host su servidor, $problem lo que falla en el documento.
feed-problem-web-page = Esta dirección devuelve una página web (HTML), no un feed RSS o Atom.
feed-problem-xml-root = Esta dirección devuelve un documento XML cuya raíz es <{ $root }>, no un feed RSS o Atom.
feed-problem-not-a-feed = Esta dirección no devuelve un feed RSS o Atom.
feed-problem-json = Esta dirección devuelve JSON, no un feed RSS o Atom.
feed-problem-plain-text = Esta dirección devuelve texto plano, no un feed RSS o Atom.
feed-problem-invalid-xml = El feed no es XML válido ({ $detail }).
feed-problem-empty = El feed está vacío.
feed-failure-unreadable = No se pudo leer el feed en { $url }. { $problem }
feed-failure-http-status = El feed en { $url } respondió { $status }.
feed-failure-timeout = El feed en { $url } no respondió en { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }.
feed-failure-too-large = El feed en { $url } pesa más de { $megabytes } MB, demasiado para ser un feed.
feed-failure-too-many-redirects = El feed en { $url } redirigió más de { $count } veces.
feed-failure-blocked-address = El feed en { $url } apunta a una dirección de red privada o reservada, y Greenlight no descarga de ahí.
feed-failure-bad-address = Eso no es una dirección web válida.
feed-failure-bad-protocol = No se puede descargar el feed en { $url }: solo se admiten direcciones http y https, no { $protocol }.
feed-failure-bad-redirect = El feed en { $url } redirigió a una dirección que no es válida.
feed-failure-host-not-found = No se pudo acceder al feed en { $url }: no se encontró el servidor { $host }.
feed-failure-dns-unavailable = No se pudo acceder al feed en { $url }: ahora mismo no se puede buscar el servidor { $host }.
feed-failure-refused = No se pudo acceder al feed en { $url }: { $host } rechazó la conexión.
feed-failure-connection-closed = No se pudo acceder al feed en { $url }: { $host } cerró la conexión de forma inesperada.
feed-failure-no-response = No se pudo acceder al feed en { $url }: { $host } no respondió.
feed-failure-unreachable = No se pudo acceder al feed en { $url }: { $host } no es accesible desde aquí.
feed-failure-invalid-http = No se pudo leer el feed en { $url }: { $host } no respondió con HTTP válido.
feed-failure-corrupt-compression = No se pudo leer el feed en { $url }: { $host } envió una respuesta comprimida dañada.
feed-failure-unknown-encoding = No se pudo leer el feed en { $url }: llegó en una codificación que Greenlight no sabe leer ({ $encoding }).
feed-failure-certificate = No se pudo acceder al feed en { $url }: falló la conexión segura con { $host } (no se pudo verificar su certificado).
feed-failure-network = No se pudo acceder al feed en { $url }: falló la conexión con { $host } ({ $code }).
feed-failure-no-feed-answer = El feed en { $url } respondió sin ningún feed.
feed-failure-reader = El lector de feeds de Greenlight se detuvo ante algo inesperado en este feed; el error está en los registros del servicio.
feed-failure-database-unavailable = El feed se leyó, pero no se pudo acceder a la base de datos para guardar sus noticias. Se volverá a intentar.
feed-failure-database-refused = El feed se leyó, pero la base de datos se negó a guardar sus noticias ({ $code }: { $detail }).
feed-failure-store-unexpected = El feed se leyó, pero guardar sus noticias falló por un error inesperado; el error está en los registros del servicio.
# Se envía una vez cuando un feed sigue fallando (texto sin formato).
feed-failure-notice = ⚠️ { $brand }: el feed «{ $feed }» ha fallado { $count } veces seguidas.
    Último error: { $reason }

    Seguiré intentándolo, con menos frecuencia. Usa /feeds para revisarlo o quitarlo.
