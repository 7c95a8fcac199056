"""The answer the fake upstream streams in the timed phases, and the questions asked.

Added latency is measured against this schedule: the upstream alone sends its first token at
TTFT and its last one (TOKENS - 1) intervals later.
"""

TTFT, INTERVAL, TOKENS = 0.050, 0.010, 40
ANSWER_S = TTFT + (TOKENS - 1) * INTERVAL  # the whole answer, upstream alone
QUERY = "Tell me about the SuperCar range."
TOOL_QUERY = "[tool] Where is the Manhattan showroom?"  # the fake answers with one tool call
