"""OneStop Field Desk (원스톱 현장지원 데스크)."""

__version__ = "0.1.0"
