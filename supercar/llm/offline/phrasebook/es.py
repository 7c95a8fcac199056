"""Todo lo que dice el modelo sin conexión en español, por clave (las mismas que `en`).

Los campos entre llaves los rellena `phrasebook.say`; cada pregunta pide una sola cosa.
"""

LINES: dict[str, str] = {
    "greeting": (
        "¡Hola! Soy Lex, el asistente de ventas de SuperCar. Estás hablando con el modelo de "
        "demostración sin conexión, un sustituto sencillo basado en reglas que no necesita "
        "clave. Puedo consultar el clima de una ciudad, darte la dirección y el horario de un "
        "concesionario, mostrar horas libres para una prueba de manejo y reservarla. "
        "{examples}"
    ),
    "help": (
        "Soy Lex, en el modelo de demostración sin conexión (basado en reglas). Puedo "
        "ayudarte con cuatro cosas: el clima de una ciudad, la dirección y el horario de un "
        "concesionario, las horas libres para una prueba de manejo y reservarla. {examples}"
    ),
    "examples": (
        'Prueba "¿Qué tiempo hace en Miami?", "¿Dónde está el concesionario de Chicago?" o '
        '"Quiero reservar una prueba del GT en Miami mañana a las 11".'
    ),
    "weekday_is": "El {date} es {weekday}.",
    "decline": (
        "Lo siento, con eso no puedo ayudarte: soy Lex y puedo consultar el clima, darte la "
        "dirección y el horario de un concesionario, y buscar o reservar una prueba de "
        "manejo."
    ),
    "other_customer": (
        "Lo siento, solo puedo ayudarte con tus propias reservas; no puedo ver ni cambiar las "
        "de otras personas."
    ),
    "thanks": (
        "¡De nada! ¿Algo más? Puedo ver el clima, la dirección de un concesionario, horas "
        "libres o reservar una prueba."
    ),
    "no_problem": "Sin problema. Si te viene bien otro día u otra hora, dímelo.",
    "yes_nothing": (
        "¡Genial! ¿Qué te gustaría hacer: ver el clima, encontrar un concesionario o reservar "
        "una prueba?"
    ),
    "ask_city": "¿De qué ciudad quieres saber el clima?",
    "ask_showroom": "¿Qué concesionario prefieres: {choices}?",
    "ask_day": "¿Qué día te viene bien (por ejemplo mañana o el viernes)?",
    "ask_other_day": "¿Qué otro día te viene bien?",
    "ask_time": "¿A qué hora te gustaría (por ejemplo a las 11)?",
    "ask_car": "¿Qué coche te gustaría probar: {cars}?",
    "also_car": "¿Y qué modelo te gustaría probar: {cars}?",
    "booking_lead": "Con gusto preparo tu prueba de manejo",
    "checking_lead": "Con gusto lo miro",
    "so_far": " de {what}",
    "not_offered": "Lo siento, no ofrecemos el {name}; nuestra gama es el {cars}.",
    "keep_car": "Sigo teniendo el {car} para tu prueba.",
    "which_of_ours": "¿Cuál de los nuestros te gustaría probar?",
    "near": "{showroom} es nuestro concesionario más cercano a {place}, {distance}.",
    "far": (
        "No tenemos concesionario en {place}; el más cercano es {showroom}, {distance}. ¿Te "
        "gustaría ir allí?"
    ),
    "far_note": "No tenemos concesionario en {place}; el más cercano es {showroom}, {distance}.",
    "offer_drive": "¿Quieres reservar una prueba de manejo allí?",
    "unknown_place": (
        "No sé dónde está {place}, así que no puedo decirte cuál es el concesionario más "
        "cercano. ¿Cuál prefieres: {choices}?"
    ),
    "showroom_list": "Tenemos cinco concesionarios: {rooms}. ¿Cuál te gustaría visitar?",
    "car_list": "Nuestra gama: {names}. Pregúntame por cualquiera o reserva una prueba de manejo.",
    "electric": "Nuestros modelos eléctricos son {electric}.{hybrid}",
    "want_one": "¿Quieres probar uno?",
    "hybrid": " El {cars} es un híbrido enchufable.",
    "want_drive": "¿Quieres reservar una prueba de manejo?",
    "fastest": "El más rápido es el {car}: de 0 a 60 mph en {secs} s.",
    "cheapest": "El más asequible es el {car}, desde ${price:,}.",
    "priciest": "El tope de gama es el {car}, desde ${price:,}.",
    "price_gap": (
        "El {dear} es el más caro de los dos: desde ${dear_price:,}, frente a ${cheap_price:,} "
        "del {cheap}; ${gap:,} más."
    ),
    "hours_day": "{showroom} abre de {open} a {close} {day}.",
    "hours_closes": "{showroom} abre de {open} a {close} {day}, así que cierra a las {close}.",
    "open_later": "{showroom} cierra más tarde.",
    "close_together": "Cierran a la misma hora.",
    "hours_opens": "{showroom} abre a las {open} {day} (horario de {open} a {close}).",
    "no_showroom_region": (
        "No tenemos concesionario en {place}; los nuestros están en Nueva York (Manhattan), "
        "Miami, Chicago, Los Ángeles (Beverly Hills) y Denver. ¿Cuál te viene bien?"
    ),
    "hours_closed": "{showroom} está cerrado {day}. Su horario: {hours}.",
    "hours_week": "El horario de {showroom} es: {hours}.",
    "no_bookings": (
        "Todavía no veo ninguna reserva en esta conversación. ¿Quieres reservar una prueba?"
    ),
    "your_booking": (
        "Tu prueba de manejo: el {car} en {showroom} {day} a las {time}; confirmación {id}."
    ),
    "slot_free": "Sí, las {time} están libres {day} en {showroom}. ¿Quieres que la reserve?",
    "slot_not_free": (
        "Las {time} no están libres {day}; {showroom} tiene {times}. ¿Te sirve alguna?"
    ),
    "period_some": "A esa hora, {showroom} tiene libre {day}: {times}. ¿Cuál te viene bien?",
    "period_none": (
        "A esa hora no hay nada libre {day}, pero {showroom} tiene {times}. ¿Te sirve alguna?"
    ),
    "pick": "¿Cuál te viene bien?",
    "cant_look_up": "Ahora mismo no puedo consultarlo; pregúntame de nuevo en un momento.",
    "car_fact": (
        "El {name} ({body}, {powertrain}) hace de 0 a 60 mph en {secs} s y cuesta desde ${price:,}."
    ),
    "closed_on": "{summary}, cerrado los {days}",
    "unreadable": "No pude leer la respuesta; inténtalo de nuevo.",
    "only_today": "Solo tengo el clima de hoy: ",
    "today": "hoy",
    "welcome": "¡De nada!",
    "defer": "Sin problema, tómate tu tiempo; aquí estaré cuando quieras.",
    "defer_thanks": "Tómate tu tiempo; aquí estaré cuando quieras.",
    "compare_places": "En {warm} hace más calor que en {cold} ({t1}°C frente a {t2}°C).",
    "compare_days": "En {city} hace más calor {warm} que {cold} ({t1}°C frente a {t2}°C).",
    "compare_same": "Hace más o menos lo mismo ({t1}°C y {t2}°C).",
    "car_noted": "Entonces, el {car}.",
    "one_at_a_time": "Reservo una prueba por petición: dime la siguiente cuando quieras.",
    "confirm_offer": "¿La reservo? Basta con un sí, o dime qué cambio.",
    "already_booked": "Eso ya está reservado.",
    "kept": "Sin problema, dejo tu prueba como está.",
    "no_bookings_to_change": (
        "No veo ninguna prueba reservada en esta conversación, y solo puedo cambiar esas. "
        "Para una reserva hecha por otra vía, llama al concesionario."
    ),
    "can_change": (
        "Sí: puedo cancelar o cambiar una prueba reservada en esta conversación. Solo dime "
        'cuándo, por ejemplo "cámbiala al viernes a las 3".'
    ),
    "which_booking": "¿Qué prueba quieres decir: {bookings}?",
    "booking_choice": "el {car} {day} a las {time} ({id})",
    "ask_move_when": "¿A qué día y hora quieres cambiarla?",
    "your_booking_cancelled": (
        "Tu prueba del {car} en {showroom} {day} a las {time} está cancelada ({id})."
    ),
    "so_far_thread": "Todavía no hay nada reservado; de momento tenemos: {what}.",
    "wear_umbrella": "Lleva paraguas.",
    "wear_coat": "Mejor lleva un abrigo.",
    "wear_jacket": "Con una chaqueta ligera basta.",
    "wear_light": "No hace falta abrigo: ropa ligera.",
    "instructions_aside": ("No puedo seguir instrucciones así, pero te ayudo con lo demás."),
    "own_words_only": (
        "Solo cambio una reserva si me lo pides con tus propias palabras; no he cambiado nada."
    ),
    "ask_the_showroom": (
        "Eso no puedo responderlo desde aquí; el concesionario sí. Dime cuál y te doy su teléfono."
    ),
    "ask_this_showroom": "Eso no puedo responderlo desde aquí; {showroom} sí: {phone}.",
    "open_on": "{day} abren {rooms}.",
    "open_span": "{showroom} de {open} a {close}",
    "closed_then": "{rooms} cierran ese día.",
    "distance_to": "{showroom} está {distance} de {place}.",
}
