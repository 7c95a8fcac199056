"""Everything the offline model says in English, by key (the same keys as `es`).

Fields in braces are filled by `phrasebook.say`; every question asks for one thing.
"""

LINES: dict[str, str] = {
    "greeting": (
        "Hello! I'm Lex, SuperCar's sales assistant. You're talking to the offline demo "
        "model, a simple rule-based stand-in that needs no API key. I can check the weather "
        "in a city, give you a showroom's address and hours, show free test-drive times and "
        "book a test drive. {examples}"
    ),
    "help": (
        "I'm Lex, running as the offline demo model (rule-based, so keep it simple). I can "
        "help with four things: the weather in a city, a showroom's address and hours, free "
        "test-drive times, and booking a test drive. I can also tell you about our cars and "
        "showrooms. {examples}"
    ),
    "examples": (
        'Try "What\'s the weather in Miami?", "Where is the Chicago showroom?" or "Book a '
        'test drive of the GT in Miami tomorrow at 11am".'
    ),
    "weekday_is": "{date} is a {weekday}.",
    "decline": (
        "Sorry, I can't help with that: I'm Lex, and I can check the weather, give a "
        "showroom's address and hours, and find or book a test drive."
    ),
    "other_customer": (
        "Sorry, I can only help with your own bookings; I can't see or change anyone else's."
    ),
    "thanks": (
        "You're welcome! Anything else I can do: the weather, a showroom's address and hours, "
        "free test-drive times or a booking?"
    ),
    "no_problem": "No problem. If another day or time suits you, just tell me.",
    "yes_nothing": (
        "Great! What would you like to do: check the weather, find a showroom, or book a test "
        "drive?"
    ),
    "ask_city": "Which city would you like the weather for?",
    "ask_showroom": "Which showroom would you like — {choices}?",
    "ask_day": "Which day would suit you (for example tomorrow or Friday)?",
    "ask_other_day": "Which other day would suit you?",
    "ask_time": "What time would you like (for example 11am)?",
    "ask_car": "Which car would you like to drive — {cars}?",
    "also_car": "And which model would you like to drive — {cars}?",
    "booking_lead": "Happy to set up a test drive",
    "checking_lead": "Happy to check",
    "so_far": " of {what}",
    "not_offered": "We don't offer the {name}, I'm afraid; our range is the {cars}.",
    "keep_car": "I still have the {car} down for your test drive.",
    "which_of_ours": "Which of ours would you like to try?",
    "near": "{showroom} is our closest showroom to {place}, {distance} away.",
    "far": (
        "We don't have a showroom in {place}; the nearest is {showroom}, {distance} away. "
        "Would you like to go there?"
    ),
    "far_note": "We don't have a showroom in {place}; the nearest is {showroom}, {distance} away.",
    "offer_drive": "Would you like to book a test drive there?",
    "unknown_place": (
        "I don't know where {place} is, so I can't tell which showroom is closest. Which "
        "showroom would you like — {choices}?"
    ),
    "showroom_list": "We have five showrooms: {rooms}. Which one would you like to visit?",
    "car_list": "Our line-up: {names}. Ask me about any of them, or book a test drive.",
    "electric": "Our fully electric models are {electric}.{hybrid}",
    "want_one": "Would you like to test drive one?",
    "hybrid": " The {cars} is a plug-in hybrid.",
    "want_drive": "Would you like to book a test drive?",
    "fastest": "The quickest is the {car}: 0-60 mph in {secs} s.",
    "cheapest": "The most affordable is the {car}, from ${price:,}.",
    "priciest": "The top of the range is the {car}, from ${price:,}.",
    "price_gap": (
        "The {dear} is the pricier of the two: from ${dear_price:,}, against ${cheap_price:,} "
        "for the {cheap}, so ${gap:,} more."
    ),
    "hours_day": "{showroom} is open {open}-{close} {day}.",
    "hours_closes": "{showroom} is open {open}-{close} {day}, so it closes at {close}.",
    "open_later": "{showroom} stays open later.",
    "close_together": "They close at the same time.",
    "hours_opens": "{showroom} opens at {open} {day} (open {open}-{close}).",
    "no_showroom_region": (
        "We don't have a showroom in {place}; ours are in New York (Manhattan), Miami, "
        "Chicago, Los Angeles (Beverly Hills) and Denver. Which would suit you?"
    ),
    "hours_closed": "{showroom} is closed {day}. Its hours: {hours}.",
    "hours_week": "{showroom} is open {hours}.",
    "no_bookings": (
        "I don't see a booking in this conversation yet. Would you like to book a test drive?"
    ),
    "your_booking": "Your test drive: the {car} at {showroom} {day} at {time}; confirmation {id}.",
    "slot_free": "Yes, {time} is free {day} at {showroom}. Would you like me to book it?",
    "slot_not_free": (
        "{time} isn't free {day}; {showroom} has {times}. Would one of those suit you?"
    ),
    "period_some": "Around then, {showroom} has {times} free {day}. Which one suits you?",
    "period_none": (
        "Nothing is free then {day}, but {showroom} has {times}. Would one of those work?"
    ),
    "pick": "Which one suits you?",
    "cant_look_up": "I can't look that up right now; please ask me again in a moment.",
    "car_fact": "The {name} is {a} {body} ({powertrain}): 0-60 mph in {secs} s, from ${price:,}.",
    "closed_on": "{summary}, closed {days}",
    "unreadable": "I got an answer I couldn't read; please try again.",
    "only_today": "I only have today's weather: ",
    "today": "today",
    "welcome": "You're welcome!",
    "defer": "No problem, take your time; I'm here whenever you're ready.",
    "defer_thanks": "Take your time; I'm here whenever you're ready.",
    "compare_places": "{warm} is warmer than {cold} ({t1}°C against {t2}°C).",
    "compare_days": "In {city} it's warmer {warm} than {cold} ({t1}°C against {t2}°C).",
    "compare_same": "It's about the same in both ({t1}°C and {t2}°C).",
    "car_noted": "The {car}, then.",
    "one_at_a_time": ("I book one test drive per request: tell me the next one when you're ready."),
    "confirm_offer": "Shall I book it? A plain yes is enough, or tell me what to change.",
    "already_booked": "That's booked already.",
    "kept": "No problem, I've left your test drive as it is.",
    "no_bookings_to_change": (
        "I don't see a test drive booked in this conversation, and I can only change those. "
        "For a booking made elsewhere, please call the showroom."
    ),
    "can_change": (
        "Yes: I can cancel or move a test drive booked in this conversation. Just tell me when "
        'you\'d like to, for example "move it to Friday at 3".'
    ),
    "which_booking": "Which test drive do you mean: {bookings}?",
    "booking_choice": "the {car} {day} at {time} ({id})",
    "ask_move_when": "Which day and time would you like to move it to?",
    "your_booking_cancelled": (
        "Your {car} test drive at {showroom} {day} at {time} was cancelled ({id})."
    ),
    "so_far_thread": "Nothing is booked yet; so far we have: {what}.",
    "wear_umbrella": "Bring an umbrella.",
    "wear_coat": "A warm coat would be a good idea.",
    "wear_jacket": "A light jacket should do.",
    "wear_light": "No coat needed: dress light.",
    "instructions_aside": "I can't take instructions like that, but I can help with the rest.",
    "own_words_only": (
        "I only change a booking when you ask me in your own words; nothing has changed."
    ),
    "ask_the_showroom": (
        "I can't answer that one from here; the showroom can. Tell me which showroom and I'll "
        "give you its phone number."
    ),
    "ask_this_showroom": "I can't answer that one from here; {showroom} can: {phone}.",
    "open_on": "{day}, {rooms} are open.",
    "open_span": "{showroom} {open}-{close}",
    "closed_then": "{rooms} are closed that day.",
    "distance_to": "{showroom} is {distance} from {place}.",
}
