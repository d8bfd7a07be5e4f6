"""koopbericht: compiles the yearly Kooperationsbericht from the departments' Meldebögen."""

__version__ = "0.1.0"
