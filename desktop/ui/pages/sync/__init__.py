"""동기화·충돌: placeholder until the sync engine exists."""
