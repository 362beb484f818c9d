"""The payment panels of reserve-and-pay (QR, PIN pad, result, paused) and "My reservations", offscreen.

Each panel is loaded on its own in a small QML wrapper that sizes it like the card the flow view
shows over the map at the given screen size, with list models written as ListModel elements.
"""

from __future__ import annotations


import pytest
import segno
from PySide6.QtCore import Q_ARG, QMetaObject, Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtQuick import QQuickItem, QQuickView
from PySide6.QtTest import QTest

from tests.qml.panel_harness import CARDS, SHOTS, panels_shown
from tests.qml.quick import find, find_all, is_shown, scene_rect, tap, walk

# screen size -> the card the flow view gives a panel (see the panels' shared conventions)
QR_URI = segno.make("https://pay.example/qr/PAY-000042?amount=500", error="m").png_data_uri(scale=4, border=4)

RESERVATIONS = """ListModel {
    id: reservations
    ListElement { localId: "r1"; kind: "parking"; title: "Kamppi parking hall"; whenText: "Sat 21 Nov, 09:00 – 11:00"
                  statusText: "Confirmed"; statusKind: "good"; totalText: "€5.00"; receiptText: "Receipt R-000042"
                  upcoming: true; canCancel: true; canRefund: false; canNavigate: true; canPay: false }
    ListElement { localId: "r2"; kind: "charging"; title: "Ionity Helsinki"; whenText: "Sun 22 Nov, 14:00"
                  statusText: "Pending – will be sent when online"; statusKind: "pending"; totalText: "€16.80"
                  receiptText: ""; upcoming: true; canCancel: true; canRefund: false; canNavigate: true
                  canPay: true }
    ListElement { localId: "r3"; kind: "fuel"; title: "Neste Kamppi"; whenText: "Fri 20 Nov, 17:10"
                  statusText: "Refunded"; statusKind: "bad"; totalText: "€36.80"; receiptText: "Receipt R-000040"
                  upcoming: false; canCancel: false; canRefund: false; canNavigate: false; canPay: false }
    ListElement { localId: "r4"; kind: "parking"; title: "Forum parking"; whenText: "Thu 19 Nov, 08:00 – 10:00"
                  statusText: "Used"; statusKind: "muted"; totalText: "€4.00"; receiptText: "Receipt R-000039"
                  upcoming: false; canCancel: false; canRefund: true; canNavigate: false; canPay: false }
}"""
EMPTY_RESERVATIONS = "ListModel { id: reservations }"

QR = ("QrPaymentPanel", "", f"""
    qrSource: "{QR_URI}"
    amountText: "€5.00"
    merchant: "Kamppi parking hall"
    secondsLeft: 42
    statusText: "Checking the payment…"
    step: 4
    steps: 5""")
PIN = ("PinPadPanel", "", """
    amountText: "€5.00"
    merchant: "Kamppi parking hall"
    message: "Wrong PIN: 2 tries left"
    step: 4
    steps: 5""")
RESULT = ("PayResultPanel", "", """
    kind: "done"
    title: "Paid"
    lines: ["Kamppi parking hall, 2 h", "Sat 21 Nov, 09:00 – 11:00", "€5.00"]
    detail: "Receipt R-000042"
    actions: [{key: "navigate", text: "Navigate there", accent: true}, {key: "close", text: "Close", accent: false}]
    step: 5
    steps: 5""")
QUEUED = ("PayResultPanel", "", """
    kind: "queued"
    title: "Reserved – will be sent when online"
    lines: ["Kamppi parking hall, 2 h", "Nothing is charged until it is confirmed."]
    actions: [{key: "reservations", text: "My reservations", accent: true}, {key: "navigate", text: "Navigate there", accent: false}, {key: "close", text: "Close", accent: false}]
    step: 5
    steps: 5""")
CHECKING = ("PayResultPanel", "", """
    kind: "checking"
    title: "Checking the payment…"
    lines: ["This takes a few seconds."]
    actions: [{key: "cancel", text: "Cancel", accent: false}]""")
PAUSED = ("PayPausedPanel", "", """
    text: "The payment continues when you park. Nothing has been charged."
    amountText: "€5.00\"""")
LIST = ("ReservationsPanel", RESERVATIONS, """
    model: reservations
    online: false
    asOfText: "Offline · as of 10:42\"""")


@pytest.fixture
def show(views):
    return panels_shown(views, "1280x720")


def colour(item: QQuickItem, name: str = "color") -> str:
    return QColor(item.property(name)).name()


def wrapper(view: QQuickView, name: str):
    value = view.rootObject().property(name)
    return QColor(value).name() if isinstance(value, QColor) else value


def call(item: QQuickItem, method: str, *args) -> None:
    assert QMetaObject.invokeMethod(item, method, *(Q_ARG("QVariant", a) for a in args))


def accessible_name(item: QQuickItem) -> str:
    interface = QAccessible.queryAccessibleInterface(item)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def texts(view: QQuickView) -> list[str]:
    return [str(i.property("text")) for i in walk(view.contentItem())
            if i.metaObject().indexOfProperty("text") >= 0 and i.property("text") is not None]


# -- QR ------------------------------------------------------------------------------------------


def test_the_qr_code_is_drawn_unsmoothed_on_white_even_at_night(show, qtbot):
    view, panel = show(QR, night=True)
    image = find(view, "qrImage")
    qtbot.waitUntil(lambda: image.property("progress") == 1 and image.implicitWidth() > 0, timeout=2_000)
    assert image.property("smooth") is False
    assert image.property("paintedWidth") == pytest.approx(image.property("paintedHeight"))
    frame = scene_rect(image.parentItem())
    grab = view.grabWindow()
    # the frame's corner, outside the code, is white: the quiet zone a scanner needs, at night too
    assert QColor(grab.pixel(int(frame.left()) + 6, int(frame.center().y()))).name() == "#ffffff"
    painted = scene_rect(image).adjusted(4, 4, -4, -4)
    shades = {QColor(grab.pixel(int(x), int(y))).name()
              for x in range(int(painted.left()), int(painted.right()), 3)
              for y in range(int(painted.top()), int(painted.bottom()), 3)}
    assert shades == {"#000000", "#ffffff"}, "the modules are blurred or tinted"


def test_the_qr_panel_shows_amount_countdown_and_status(show):
    view, panel = show(QR)
    assert find(view, "qrAmount").property("text") == "€5.00"
    assert find(view, "qrCountdown").property("text") == "Waiting for your phone… 0:42"
    assert is_shown(find(view, "qrStatus")) and find(view, "qrStatus").property("text") == "Checking the payment…"
    panel.setProperty("secondsLeft", 605)
    assert find(view, "qrCountdown").property("text") == "Waiting for your phone… 10:05"
    panel.setProperty("statusText", "")
    assert not is_shown(find(view, "qrStatus"))
    assert "Step 4 of 5" in texts(view)


@pytest.mark.parametrize(("size", "beside"), [("800x480", True), ("1920x720", False)])
def test_a_wide_card_puts_the_code_left_of_the_text_and_a_tall_one_above(show, size, beside):
    view, panel = show(QR, size=size)
    code, amount, cancel = (scene_rect(find(view, n)) for n in ("qrImage", "qrAmount", "qrCancel"))
    if beside:
        assert code.right() <= amount.left() and code.right() <= cancel.left()
    else:
        assert code.bottom() <= amount.top() and code.bottom() <= cancel.top()
    # as large as fits: the frame takes the body's height beside the text, or all the height the text leaves
    frame, card = scene_rect(find(view, "qrImage").parentItem()), scene_rect(panel)
    margin, spacing = wrapper(view, "margin"), wrapper(view, "spacing")
    if beside:
        assert frame.bottom() == pytest.approx(card.bottom() - margin, abs=1)
    else:
        assert amount.top() - frame.bottom() == pytest.approx(spacing, abs=1)


def test_the_qr_panel_buttons_emit_their_signals(show, qtbot):
    view, panel = show(QR)
    for name, signal in (("useWallet", panel.useWalletRequested), ("qrCancel", panel.cancelRequested),
                         ("qrPaymentBack", panel.backRequested)):
        with qtbot.waitSignal(signal, timeout=1_000):
            tap(view, find(view, name))


# -- PIN pad -------------------------------------------------------------------------------------


def tap_keys(view: QQuickView, digits: str) -> None:
    for digit in digits:
        tap(view, find(view, f"pinKey{digit}"))


def test_a_pin_typed_on_the_keys_is_sent_once_ok_is_allowed_and_then_cleared(show, qtbot):
    view, panel = show(PIN)
    ok, dots = find(view, "pinOk"), find(view, "pinDots")
    tap_keys(view, "105")
    assert dots.property("count") == 3 and not ok.isEnabled()
    assert accessible_name(dots) == "3 digits entered"
    tap_keys(view, "9")
    assert ok.isEnabled()
    sent = []
    panel.pinEntered.connect(sent.append)
    tap(view, ok)
    assert sent == ["1059"]
    assert dots.property("count") == 0 and not ok.isEnabled()
    tap(view, ok)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert sent == ["1059"]


def test_the_digits_never_show_in_a_text_an_accessible_name_or_a_property(show):
    view, panel = show(PIN)
    tap_keys(view, "73958")
    pairs = {"73958"[i:i + 2] for i in range(4)}
    assert not [t for t in texts(view) if any(p in t for p in pairs)]
    names = [accessible_name(i) for i in walk(view.contentItem())]
    assert "5 digits entered" in names
    assert not [n for n in names if any(p in n for p in pairs)]
    meta = panel.metaObject()  # the panel's own (QML-declared) properties
    values = [str(panel.property(meta.property(i).name())) for i in range(meta.propertyOffset(), meta.propertyCount())]
    assert "enteredCount" in {meta.property(i).name() for i in range(meta.propertyOffset(), meta.propertyCount())}
    assert not [v for v in values if any(p in v for p in pairs)]
    assert len(find_all(view, "pinDots")) == 1 and find(view, "pinDots").property("count") == 5


def test_the_pin_stops_at_max_length_and_delete_removes_the_last_digit(show, qtbot):
    view, panel = show(PIN, minLength="4", maxLength="6")
    dots = find(view, "pinDots")
    tap_keys(view, "12345678")
    assert dots.property("count") == 6
    assert not find(view, "pinKey7").isEnabled() and not find(view, "pinKey0").isEnabled()
    tap(view, find(view, "pinDelete"))
    assert dots.property("count") == 5 and find(view, "pinKey0").isEnabled()
    tap_keys(view, "0")
    with qtbot.waitSignal(panel.pinEntered, timeout=1_000) as sent:
        tap(view, find(view, "pinOk"))
    assert sent.args == ["123450"]


def test_the_pin_pad_takes_keyboard_digits_backspace_and_enter(show, qtbot):
    view, panel = show(PIN)
    panel.forceActiveFocus()
    qtbot.waitUntil(panel.hasActiveFocus, timeout=1_000)
    for key in (Qt.Key.Key_2, Qt.Key.Key_4, Qt.Key.Key_6, Qt.Key.Key_9, Qt.Key.Key_Backspace, Qt.Key.Key_8):
        QTest.keyClick(view, key)
    assert find(view, "pinDots").property("count") == 4
    with qtbot.waitSignal(panel.pinEntered, timeout=1_000) as sent:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert sent.args == ["2468"]


def test_the_pin_is_cleared_when_busy_when_hidden_and_by_clear(show):
    view, panel = show(PIN)
    dots = find(view, "pinDots")
    tap_keys(view, "4444")
    panel.setProperty("busy", True)
    assert dots.property("count") == 0
    assert not find(view, "pinOk").isEnabled() and not find(view, "pinKey4").isEnabled()
    assert find(view, "pinMessage").property("text") == "Wrong PIN: 2 tries left"
    panel.setProperty("busy", False)
    tap_keys(view, "44")
    panel.setVisible(False)
    panel.setVisible(True)
    assert dots.property("count") == 0
    tap_keys(view, "44")
    call(panel, "clear")
    assert dots.property("count") == 0


def test_a_pin_message_shows_in_the_critical_colour(show):
    view, panel = show(PIN)
    message = find(view, "pinMessage")
    assert message.property("text") == "Wrong PIN: 2 tries left"
    assert colour(message) == wrapper(view, "criticalColour")
    panel.setProperty("message", "")
    panel.setProperty("busy", True)
    assert message.property("text") == "Checking your PIN…" and colour(message) != wrapper(view, "criticalColour")


def test_the_pin_pad_buttons_emit_their_signals_and_keys_are_big(show, qtbot):
    view, panel = show(PIN, size="800x480")
    for name, signal in (("useQr", panel.useQrRequested), ("pinCancel", panel.cancelRequested),
                         ("pinPadBack", panel.backRequested)):
        with qtbot.waitSignal(signal, timeout=1_000):
            tap(view, find(view, name))
    keys = [find(view, f"pinKey{d}") for d in "0123456789"] + [find(view, "pinDelete"), find(view, "pinOk")]
    assert min(min(k.width(), k.height()) for k in keys) >= wrapper(view, "touchTarget")
    # a fixed layout: 1 2 3 on the top row, 0 between delete and OK at the bottom
    top = [scene_rect(find(view, f"pinKey{d}")) for d in "123"]
    assert top[0].y() == top[1].y() == top[2].y() and top[0].x() < top[1].x() < top[2].x()
    bottom = [scene_rect(find(view, n)) for n in ("pinDelete", "pinKey0", "pinOk")]
    assert bottom[0].y() == bottom[1].y() == bottom[2].y() > top[0].y()
    assert bottom[0].x() < bottom[1].x() < bottom[2].x() and bottom[1].x() == top[1].x()


# -- result --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "expected"), [("done", "goodColour"), ("queued", "warningColour"),
                                                ("error", "criticalColour")])
def test_each_end_kind_has_its_colour_sign(show, kind, expected):
    view, panel = show(RESULT, kind=f'"{kind}"')
    disc = find(view, "resultIcon").childItems()[0]
    assert disc.isVisible() and colour(disc) == wrapper(view, expected)
    assert not is_shown(find(view, "resultSpinner"))


def test_checking_shows_a_turning_spinner(show, qtbot):
    view, panel = show(RESULT, kind='"checking"', actions="[]")
    spinner = find(view, "resultSpinner")
    assert is_shown(spinner) and not find(view, "resultIcon").childItems()[0].isVisible()
    area = scene_rect(spinner).toRect()
    first = view.grabWindow().copy(area)
    qtbot.waitUntil(lambda: view.grabWindow().copy(area) != first, timeout=2_000)
    panel.setProperty("kind", "done")
    assert not is_shown(spinner)


def test_the_result_shows_title_lines_detail_and_its_actions_answer(show, qtbot):
    view, panel = show(RESULT)
    assert find(view, "resultTitle").property("text") == "Paid"
    assert [find(view, f"resultLine{i}").property("text") for i in range(3)] == [
        "Kamppi parking hall, 2 h", "Sat 21 Nov, 09:00 – 11:00", "€5.00"]
    assert find(view, "resultDetail").property("text") == "Receipt R-000042"
    assert find(view, "action_navigate").property("accent") and not find(view, "action_close").property("accent")
    with qtbot.waitSignal(panel.actionRequested, timeout=1_000) as chosen:
        tap(view, find(view, "action_close"))
    assert chosen.args == ["close"]
    panel.setProperty("detail", "")
    assert not is_shown(find(view, "resultDetail"))


def test_actions_sit_in_a_row_when_they_fit_else_stacked(show):
    view, _ = show(RESULT, size="1920x720")
    navigate, close = scene_rect(find(view, "action_navigate")), scene_rect(find(view, "action_close"))
    assert navigate.y() == close.y() and navigate.right() < close.left()
    many = ('[{key: "retry", text: "Try the payment again", accent: true}, '
            '{key: "qr", text: "Pay by QR code instead", accent: false}, '
            '{key: "close", text: "Close", accent: false}]')
    view, panel = show(RESULT, size="800x480", actions=many)
    rects = [scene_rect(find(view, f"action_{k}")) for k in ("retry", "qr", "close")]
    assert rects[0].bottom() <= rects[1].top() and rects[1].bottom() <= rects[2].top()
    assert all(r.x() == rects[0].x() and r.width() == rects[0].width() for r in rects)
    assert all(r.bottom() <= scene_rect(panel).bottom() for r in rects)


# -- paused --------------------------------------------------------------------------------------


def test_the_paused_panel_says_why_and_offers_a_big_cancel(show, qtbot):
    view, panel = show(PAUSED, size="800x480")
    assert find(view, "pausedTitle").property("text") == "Paused while driving"
    assert find(view, "pausedText").property("text") == (
        "The payment continues when you park. Nothing has been charged.")
    assert find(view, "pausedAmount").property("text") == "€5.00"
    cancel = find(view, "pausedCancel")
    assert cancel.height() >= wrapper(view, "touchTarget")
    with qtbot.waitSignal(panel.cancelRequested, timeout=1_000):
        tap(view, cancel)


# -- reservations --------------------------------------------------------------------------------


def test_reservations_show_upcoming_then_past_with_status_colours(show):
    view, panel = show(LIST)
    headings = [(h.property("text"), is_shown(h)) for h in find_all(view, "sectionHeading")]
    assert [t for t, shown in headings if shown] == ["Upcoming", "Past"]
    for local_id, expected in (("r1", "goodColour"), ("r2", "warningColour"), ("r3", "criticalColour"),
                               ("r4", "mutedColour")):
        assert colour(find(view, f"status_{local_id}")) == wrapper(view, expected)
    assert find(view, "receipt_r1").property("text") == "Receipt R-000042"
    assert not is_shown(find(view, "receipt_r2"))
    assert find(view, "total_r3").property("text") == "€36.80"
    rows = [scene_rect(find(view, f"reservation_r{i}")) for i in range(1, 5)]
    assert all(a.bottom() <= b.top() for a, b in zip(rows, rows[1:]))


def test_reservation_buttons_follow_the_flags_and_name_their_row(show, qtbot):
    view, panel = show(LIST)
    shown = {i.objectName() for i in walk(view.contentItem())
             if i.objectName().split("_")[0] in ("cancel", "refund", "navigate", "pay") and is_shown(i)}
    assert shown == {"cancel_r1", "navigate_r1", "cancel_r2", "navigate_r2", "pay_r2", "refund_r4"}
    list_view = find(view, "reservationsList")
    for name, signal, local_id in (("cancel_r2", panel.cancelRequested, "r2"),
                                   ("navigate_r1", panel.navigateRequested, "r1"),
                                   ("pay_r2", panel.payRequested, "r2"),
                                   ("refund_r4", panel.refundRequested, "r4")):
        # scroll the row to the top of the list, then tap its button
        QMetaObject.invokeMethod(list_view, "positionViewAtIndex", Q_ARG(int, int(local_id[1]) - 1),
                                 Q_ARG(int, 1))  # ListView.Beginning
        button = find(view, name)
        qtbot.waitUntil(lambda: scene_rect(list_view).contains(scene_rect(button)), timeout=1_000)
        with qtbot.waitSignal(signal, timeout=1_000) as sent:
            tap(view, button)
        assert sent.args == [local_id]
    with qtbot.waitSignal(panel.closed, timeout=1_000):
        tap(view, find(view, "reservationsClose"))


def test_reservations_respect_max_items_and_say_how_many_are_left(show):
    view, panel = show(LIST, maxItems="2")
    assert is_shown(find(view, "reservation_r1")) and is_shown(find(view, "reservation_r2"))
    assert not is_shown(find(view, "reservation_r3")) and not is_shown(find(view, "reservation_r4"))
    more = find(view, "reservationsMore")
    assert is_shown(more) and more.property("text") == "2 more when parked"
    assert [h.property("text") for h in find_all(view, "sectionHeading") if is_shown(h)] == ["Upcoming"]
    panel.setProperty("maxItems", -1)
    assert is_shown(find(view, "reservation_r4")) and not is_shown(more)


def test_reservations_offline_as_of_and_the_empty_state(show):
    view, panel = show(LIST)
    as_of = find(view, "reservationsAsOf")
    assert as_of.property("text") == "Offline · as of 10:42" and colour(as_of) == wrapper(view, "warningColour")
    assert not is_shown(find(view, "reservationsEmpty"))
    panel.setProperty("asOfText", "")
    assert not is_shown(as_of)
    view, panel = show(LIST, models=EMPTY_RESERVATIONS, online="true")
    empty = find(view, "reservationsEmpty")
    assert is_shown(empty) and "No reservations yet" in texts(view)


# -- every panel at every size and theme ---------------------------------------------------------

TAPPABLE = ("Back", "Close", "Cancel", "useWallet", "useQr", "pinKey", "pinDelete", "pinOk", "action_",
            "cancel_", "refund_", "navigate_")


@pytest.mark.parametrize("size", list(CARDS))
@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
@pytest.mark.parametrize(("name", "spec"), [
    ("QrPaymentPanel", QR), ("PinPadPanel", PIN), ("PayResultPanel-done", RESULT), ("PayResultPanel-queued", QUEUED),
    ("PayResultPanel-checking", CHECKING), ("PayPausedPanel", PAUSED), ("ReservationsPanel", LIST),
    ("ReservationsPanel-empty", ("ReservationsPanel", EMPTY_RESERVATIONS, LIST[2]))])
def test_every_panel_fits_its_card_at_every_size_and_theme(show, qtbot, name, spec, size, night):
    view, panel = show(spec, size=size, night=night)
    if spec is QR:
        qr = find(view, "qrImage")
        qtbot.waitUntil(lambda: qr.property("progress") == 1 and qr.implicitWidth() > 0, timeout=2_000)
    SHOTS.mkdir(exist_ok=True)
    view.grabWindow().save(str(SHOTS / f"{name}_{size}_{'night' if night else 'day'}.png"))
    card = scene_rect(panel).adjusted(-0.5, -0.5, 0.5, 0.5)
    touch_target = wrapper(view, "touchTarget")
    for item in walk(panel):
        if not is_shown(item) or item.objectName() in ("", "panel"):
            continue
        rect = scene_rect(item)
        if item.objectName().startswith(("reservation_", "cancel_", "refund_", "navigate_", "status_",
                                         "total_", "receipt_")) and rect.bottom() > card.bottom():
            continue  # below the list's fold: reached by scrolling
        assert card.contains(rect), f"{item.objectName()} {rect} sticks out of the card {card}"
        if any(t in item.objectName() for t in TAPPABLE):
            assert rect.height() >= touch_target, f"{item.objectName()} is smaller than a touch target"
    cut = [i.property("text") for i in walk(panel)
           if is_shown(i) and i.metaObject().indexOfProperty("truncated") >= 0 and i.property("truncated")]
    assert not cut, f"texts cut short: {cut}"
