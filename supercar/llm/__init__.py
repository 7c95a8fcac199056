"""The model interface (`base`), Groq behind it (`groq`), and the offline stand-in (`offline`)."""
