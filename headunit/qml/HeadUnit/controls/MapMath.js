.pragma library

// Web Mercator in "mercator units": the whole world is 0..1 on both axes,
// (0, 0) the north-west corner; multiply by 256 * 2^zoom for pixels.

const MAX_LATITUDE = 85.05112878;

function mercX(lon) {
    return (lon + 180) / 360;
}

function mercY(lat) {
    const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
    const s = Math.sin(clamped * Math.PI / 180);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

function lonOf(mx) {
    return mod(mx, 1) * 360 - 180;
}

function latOf(my) {
    return Math.atan(Math.sinh(Math.PI * (1 - 2 * my))) * 180 / Math.PI;
}

function mod(a, n) {
    return ((a % n) + n) % n;
}

// (x, y) turned clockwise on screen (y down) by `degrees`.
function rotate(x, y, degrees) {
    const r = degrees * Math.PI / 180;
    const c = Math.cos(r), s = Math.sin(r);
    return { x: x * c - y * s, y: x * s + y * c };
}

// Shortest signed turn from angle a to angle b, in degrees (-180..180].
function turn(a, b) {
    let d = mod(b - a, 360);
    return d > 180 ? d - 360 : d;
}
