# El menú de comandos (setMyCommands: 1–256 caracteres cada uno), /help y /start para quien vuelve.

command-start = Regístrate y configura tu primera marca
command-status = Instagram, feeds, borradores, próxima publicación y gasto de un vistazo
command-queue = Publicaciones aprobadas en espera, con sus horarios
command-brands = Tus marcas: cambiar, añadir, renombrar o eliminar una
command-feeds = Feeds de noticias: estado, añadir o quitar
command-brand = El perfil de la marca: idioma, tema, público, voz, términos prohibidos, estilo de imagen
command-schedule = Horarios de publicación y zona horaria
command-topic = Sobre qué publica la marca
command-voice = Cómo suenan los textos
command-hashtags = Hashtags por defecto
command-firstcomment = Primer comentario al publicar: hashtags, off o tu frase
command-format = Formato de publicación: imagen única, carrusel, o que elija la IA
command-budget = Gasto en IA de este mes y el límite mensual
command-report = Cómo rindieron las publicaciones: últimos 7 días, o /report 30
command-comments = Qué comentarios de Instagram llegan a este chat: todos, preguntas o ninguno
command-pause = Detener borradores y publicaciones de la marca
command-resume = Reanudar borradores y publicaciones
command-connect = Conectar la cuenta de Instagram de la marca
command-disconnect = Desconectar Instagram
command-deletedata = Borrar todo lo que se guarda sobre ti
command-language = El idioma en que te hablo
command-help = Lo que puedo hacer
command-cancel = Salir del diálogo actual

help-intro = Greenlight convierte las noticias que sigues en borradores de Instagram para que los apruebes aquí.
help-dialogs = En un diálogo, /skip salta un paso y /cancel lo abandona.

welcome-back = ¡Hola de nuevo, { $firstName }! Estás trabajando en <b>{ $brand }</b>{ $brandCount ->
        [1] {""}
       *[other] {" "}(una de tus { $brandCount } marcas; /brands para cambiar)
    }.

# Los comandos del equipo, y /start para quien aún no está en un equipo
command-start-guest = Empezar, o unirte con un enlace de invitación
command-team = El equipo y el grupo de la marca: quién puede hacer qué, quitar a alguien
command-invite = Crear un enlace de invitación de un solo uso: /invite approver, viewer u owner
command-linkgroup = Envíalo en un grupo para que las tarjetas de una marca lleguen allí
command-unlinkgroup = Dejar de enviar las tarjetas de una marca a su grupo
