# El perfil del bot en Telegram, visible antes de iniciar un chat: la descripción (como máximo 512 caracteres) y
# la descripción corta (como máximo 120).
bot-description = Greenlight convierte las noticias que sigue una marca en posts de Instagram. Cada borrador llega aquí como una tarjeta para aprobar, editar o rechazar, y los posts aprobados se publican según el horario.

    Es un espacio privado: su operador decide quién entra. Si te dieron un enlace de invitación, ábrelo para unirte.
bot-short-description = Una redacción con IA para Instagram: entran noticias, apruebas borradores, salen posts a su hora.
