"""SuperCar Assistant: the backend of "Lex", a streaming sales assistant for SuperCar showrooms."""

__version__ = "0.1.0"
