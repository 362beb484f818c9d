pragma Singleton
import QtQuick

// Icon outlines drawn for this project on a 24x24 grid (SVG path syntax,
// filled with the odd-even rule, so inner shapes cut holes).
QtObject {
    id: root

    readonly property var paths: ({
        "home": "M12 3 L2.5 11.5 H5 V21 H10 V15 H14 V21 H19 V11.5 H21.5 Z",
        "map": "M12 2 C7.6 2 4.5 5.3 4.5 9.4 C4.5 14.6 12 22 12 22 C12 22 19.5 14.6 19.5 9.4 C19.5 5.3 16.4 2 12 2 Z M15 9.4 A3 3 0 1 0 9 9.4 A3 3 0 1 0 15 9.4 Z",
        "media": "M9 5 L20 3 V16 A3.2 2.6 0 1 1 18.2 13.7 V7.4 L10.8 8.7 V18 A3.2 2.6 0 1 1 9 15.7 Z",
        "vehicle": "M3 15 V12.5 C3 11.7 3.5 11.2 4.2 11 L6.5 10.4 L9 6.8 C9.4 6.3 10 6 10.6 6 H15.6 C16.3 6 16.9 6.4 17.2 7 L19 10.5 L20.6 11 C21.4 11.3 22 12 22 12.8 V15 C22 15.6 21.6 16 21 16 H20 A2.5 2.5 0 0 0 15 16 H9.5 A2.5 2.5 0 0 0 4.5 16 H4 C3.4 16 3 15.6 3 15 Z M10.3 10.2 L11.8 7.6 H13.2 V10.2 Z M14.5 10.2 V7.6 H15.6 L16.9 10.2 Z M9 16.5 A2 2 0 1 1 5 16.5 A2 2 0 1 1 9 16.5 Z M19.5 16.5 A2 2 0 1 1 15.5 16.5 A2 2 0 1 1 19.5 16.5 Z",
        "apps": "M4 4 H10 V10 H4 Z M14 4 H20 V10 H14 Z M4 14 H10 V20 H4 Z M14 14 H20 V20 H14 Z",
        "sun": "M16.5 12 A4.5 4.5 0 1 1 7.5 12 A4.5 4.5 0 1 1 16.5 12 Z M11 1 H13 V4.5 H11 Z M11 19.5 H13 V23 H11 Z M1 11 H4.5 V13 H1 Z M19.5 11 H23 V13 H19.5 Z M4.2 5.6 L5.6 4.2 L8 6.6 L6.6 8 Z M18.4 4.2 L19.8 5.6 L17.4 8 L16 6.6 Z M4.2 18.4 L6.6 16 L8 17.4 L5.6 19.8 Z M16 17.4 L17.4 16 L19.8 18.4 L18.4 19.8 Z",
        "moon": "M14 2.5 A9.5 9.5 0 1 0 21.5 15 A7.5 7.5 0 0 1 14 2.5 Z",
        "signal": "M2 17 H5.5 V21 H2 Z M7.5 13 H11 V21 H7.5 Z M13 9 H16.5 V21 H13 Z M18.5 4 H22 V21 H18.5 Z",
        "alert": "M12 2 A10 10 0 1 1 11.99 2 Z M11 6.5 H13 V14 H11 Z M11 16 H13 V18 H11 Z",
        "minus": "M5 11 H19 V13 H5 Z",
        "plus": "M11 5 H13 V11 H19 V13 H13 V19 H11 V13 H5 V11 H11 Z",
        "seat": "M7 3 H11 V12 H17 C18.1 12 19 12.9 19 14 V16 H9 C7.9 16 7 15.1 7 14 Z M9 17 H19 V19 H17 V22 H15 V19 H11 V22 H9 Z",
        "fan": "M11 2 C7 2 7 7 11 10.5 Z M22 11 C22 7 17 7 13.5 11 Z M13 22 C17 22 17 17 13 13.5 Z M2 13 C2 17 7 17 10.5 13 Z M13.5 12 A1.5 1.5 0 1 1 10.5 12 A1.5 1.5 0 1 1 13.5 12 Z",
        "close": "M5.6 4.2 L12 10.6 L18.4 4.2 L19.8 5.6 L13.4 12 L19.8 18.4 L18.4 19.8 L12 13.4 L5.6 19.8 L4.2 18.4 L10.6 12 L4.2 5.6 Z"
    })

    function path(name) {
        const p = root.paths[name];
        if (p === undefined) {
            console.warn("Icons: no icon named", name);
            return "";
        }
        return p;
    }
}
