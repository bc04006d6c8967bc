# /deletedata. Los recuentos eligen su forma plural según las reglas del idioma.

delete-data-question-title = <b>¿Borrar todo lo que Greenlight guarda sobre ti?</b>
delete-data-question = Es decir: tu registro, { $brands ->
        [one] { $brands } marca con su configuración
       *[other] { $brands } marcas con su configuración
    }, { $feeds ->
        [one] { $feeds } feed y sus artículos
       *[other] { $feeds } feeds y sus artículos
    }, { $drafts ->
        [one] { $drafts } borrador o publicación programada
       *[other] { $drafts } borradores y publicaciones programadas
    }, registros de uso de IA, comentarios recibidos en tus publicaciones, conexiones y tokens de Instagram, diálogos abiertos y mensajes en cola.
delete-data-question-note = Las publicaciones ya publicadas en Instagram se quedan allí. Esto no se puede deshacer.
delete-data-confirm-button = 🗑 Sí, borrar todo
delete-data-keep-button = Conservar mis datos
delete-data-done-title = 🗑 <b>Borrado.</b>
delete-data-done = Tu registro, { $brands ->
        [one] { $brands } marca
       *[other] { $brands } marcas
    }, { $feeds ->
        [one] { $feeds } feed
       *[other] { $feeds } feeds
    }, { $drafts ->
        [one] { $drafts } borrador con su imagen
       *[other] { $drafts } borradores con sus imágenes
    }, comentarios recibidos, registros de uso de IA, tokens de Instagram, diálogos abiertos y mensajes en cola ya no están.
delete-data-done-note = Envía /start si algún día quieres empezar de nuevo.
delete-data-not-registered = No se guarda nada sobre ti: no te has registrado.
delete-data-kept-toast = No se borró nada
delete-data-kept = Conservado. No se borró nada.
delete-data-already-toast = Ya borrado.
delete-data-already = Ya no se guarda nada sobre ti.
delete-data-expired-toast = Esa confirmación caducó
delete-data-expired = Esa confirmación caducó; no se borró nada. Envía /deletedata de nuevo si aún lo quieres.
delete-data-done-toast = Borrado
