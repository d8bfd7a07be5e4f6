"""Use cases: one module per command, called by the CLI and callable from Python without it.

Each use case decides what is read, what is written where, and the exit outcome; the
CLI only parses arguments and presents results. Below this layer are the stages
(read → check → normalise → assemble → render) and the core (config, model, findings).
"""
