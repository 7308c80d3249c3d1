from pkg import app

__all__ = ["app"]
