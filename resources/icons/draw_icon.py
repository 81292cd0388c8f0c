"""Draws the app icon: onestop.png (256 px), onestop.ico (16–256 px) and onestop.icns.

Run from the repository root: ``QT_QPA_PLATFORM=offscreen .venv/bin/python resources/icons/draw_icon.py``.
Qt draws the picture with the bundled NanumGothic Bold; Pillow (installed with reportlab) packs
the multi-size .ico and the macOS .icns. Only the images are bundled, not this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPainterPath, QPen

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "NanumGothicBold.ttf"
SIZE = 1024


def draw(size: int = SIZE) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    s = size / 256
    # Rounded square, deep blue; a teal band along the bottom (the "one stop" desk).
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 48 * s, 48 * s)
    p.fillPath(tile, QColor("#1f4e8c"))
    p.setClipPath(tile)
    p.fillRect(QRectF(0, 188 * s, size, 68 * s), QColor("#17a2a0"))
    p.setClipping(False)
    # 원 (one-stop) in white.
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT)))[0]
    font = QFont(family)
    font.setPixelSize(int(150 * s))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRectF(0, 14 * s, size, 170 * s), Qt.AlignmentFlag.AlignCenter, "원")
    # A check mark on the band: the difficulty is answered.
    pen = QPen(QColor("white"), 16 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    check = QPainterPath()
    check.moveTo(100 * s, 220 * s)
    check.lineTo(120 * s, 238 * s)
    check.lineTo(156 * s, 200 * s)
    p.drawPath(check)
    p.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    big = draw()
    big.save(str(HERE / "onestop-1024.png.tmp"), "PNG")
    master = Image.open(HERE / "onestop-1024.png.tmp").convert("RGBA")
    (HERE / "onestop-1024.png.tmp").unlink()
    master.resize((256, 256), Image.Resampling.LANCZOS).save(HERE / "onestop.png")
    master.save(HERE / "onestop.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    master.save(HERE / "onestop.icns")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
