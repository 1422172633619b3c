// A small throughput-over-time line chart drawn on a canvas (no library): records per second
// against seconds since the page started watching the job.

export function throughputChart(canvas) {
  const points = [];
  const ctx = canvas.getContext("2d");
  let emptyText = "waiting for progress…";

  function draw() {
    const dpr = window.devicePixelRatio || 1;
    const cssWidth = canvas.clientWidth || 600;
    const cssHeight = canvas.clientHeight || 160;
    if (canvas.width !== Math.round(cssWidth * dpr)) canvas.width = Math.round(cssWidth * dpr);
    if (canvas.height !== Math.round(cssHeight * dpr)) canvas.height = Math.round(cssHeight * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssWidth, cssHeight);
    const styles = getComputedStyle(canvas);
    const ink = styles.color || "#222";
    const accent = styles.getPropertyValue("--chart-line").trim() || "#1d4ed8";
    const left = 56, right = 12, top = 12, bottom = 26;
    const w = cssWidth - left - right, hgt = cssHeight - top - bottom;
    ctx.font = "12px system-ui, sans-serif";
    ctx.fillStyle = ink;
    ctx.strokeStyle = ink;
    ctx.globalAlpha = 0.35;
    ctx.beginPath();
    ctx.moveTo(left, top);
    ctx.lineTo(left, top + hgt);
    ctx.lineTo(left + w, top + hgt);
    ctx.stroke();
    ctx.globalAlpha = 1;
    if (points.length === 0) {
      ctx.fillText(emptyText, left + 8, top + hgt / 2);
      return;
    }
    const maxT = Math.max(points[points.length - 1].t, 1);
    const maxR = niceMax(Math.max(...points.map((p) => p.rate), 1));
    ctx.textAlign = "right";
    ctx.fillText(`${Math.round(maxR).toLocaleString("en")}/s`, left - 6, top + 10);
    ctx.fillText("0", left - 6, top + hgt);
    ctx.textAlign = "left";
    ctx.fillText("0 s", left, top + hgt + 16);
    ctx.textAlign = "right";
    ctx.fillText(`${Math.round(maxT)} s`, left + w, top + hgt + 16);
    ctx.strokeStyle = accent;
    ctx.lineWidth = 2;
    ctx.beginPath();
    points.forEach((p, i) => {
      const x = left + (p.t / maxT) * w;
      const y = top + hgt - (p.rate / maxR) * hgt;
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
    ctx.fillStyle = accent;
    for (const p of points) {
      ctx.beginPath();
      ctx.arc(left + (p.t / maxT) * w, top + hgt - (p.rate / maxR) * hgt, 2.5, 0, Math.PI * 2);
      ctx.fill();
    }
  }

  return {
    add(t, rate) {
      points.push({ t, rate: Math.max(0, rate) });
      if (points.length > 600) points.shift();
      draw();
    },
    /** What the empty chart says. */
    empty(text) {
      emptyText = text;
      draw();
    },
    get points() {
      return points.slice();
    },
    draw,
  };
}

function niceMax(v) {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (v <= m * p) return m * p;
  return 10 * p;
}
