/*
 * Maps: initialises Leaflet (static/vendor/leaflet/) on every [data-map] element.
 *
 *   data-geojson-url   fetch a GeoJSON FeatureCollection of points and add a marker per feature,
 *                      with a popup linking to properties.url (title, status_label, region, country)
 *   data-lat/data-lon  or show a single marker (title from data-marker-title)
 *   data-tile-url      tile URL template (default: OpenStreetMap); only the reader's browser
 *                      fetches tiles
 *   data-tile-attribution, data-error-text, data-tile-error-text,
 *   data-zoom-in-text, data-zoom-out-text, data-close-popup-text   translated texts (Leaflet's
 *                      own control names are English: these replace them, so a screen reader
 *                      announces them in the page's language)
 *
 * On a right-to-left page the controls mirror: zoom at the top right, attribution and messages
 * at the bottom left. The map itself stays left-to-right (west is always on the left).
 *
 * Progressive enhancement: without JavaScript, Leaflet or tiles, the element keeps its fallback
 * text and the page's list of results stays usable.
 */
(function () {
    "use strict";

    var DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    var OSM_COPYRIGHT_URL = "https://www.openstreetmap.org/copyright";
    // The Mediterranean, for maps with nothing to show yet.
    var DEFAULT_CENTER = [39.5, 15.0];
    var DEFAULT_ZOOM = 4;

    function escapeHtml(text) {
        var div = document.createElement("div");
        div.textContent = text == null ? "" : String(text);
        return div.innerHTML;
    }

    function isRightToLeft() {
        // The controls speak the reader's language: follow the page's direction, not that of
        // an untranslated page's content around the map.
        return document.documentElement.getAttribute("dir") === "rtl";
    }

    function showMessage(el, kind, text) {
        // One message per kind ("data", "tiles"), stacked at the bottom of the map. On a drawn
        // map they go in the attribution's control corner (bottom right, or bottom left on a
        // right-to-left page), above it, so that they never cover it (it wraps onto more lines
        // in some languages).
        if (!text) {
            return;
        }
        var box = el.querySelector(".map__messages");
        if (!box) {
            box = document.createElement("div");
            box.className = "map__messages";
            box.setAttribute("role", "status");
            var corner = el.querySelector(
                isRightToLeft() ? ".leaflet-bottom.leaflet-left" : ".leaflet-bottom.leaflet-right"
            );
            if (corner) {
                box.classList.add("leaflet-control");
                corner.insertBefore(box, corner.firstChild);
            } else {
                el.appendChild(box);
            }
        }
        if (box.querySelector('[data-kind="' + kind + '"]')) {
            return;
        }
        var message = document.createElement("p");
        message.className = "map__message";
        message.setAttribute("data-kind", kind);
        message.textContent = text;
        box.appendChild(message);
    }

    function safeUrl(url) {
        // Only same-site paths or http(s) links go into popups.
        if (typeof url !== "string") {
            return "";
        }
        return /^(\/(?!\/)|https?:\/\/)/i.test(url) ? url : "";
    }

    function popupContent(properties) {
        var container = document.createElement("div");
        container.setAttribute("dir", "auto");
        var url = safeUrl(properties.url);
        var title = document.createElement(url ? "a" : "strong");
        title.className = "map-popup__title";
        title.textContent = properties.title || "";
        if (url) {
            title.href = url;
        }
        container.appendChild(title);
        // A pilot adapted from another: say from which (the label comes translated).
        if (properties.origin && properties.origin.title) {
            var from = document.createElement("span");
            from.className = "map-popup__meta map-popup__origin";
            from.textContent = (properties.origin.label || "") + " " + properties.origin.title;
            container.appendChild(from);
        }
        var place = [properties.region, properties.country].filter(Boolean).join(", ");
        [properties.status_label, place].forEach(function (text) {
            if (text) {
                var line = document.createElement("span");
                line.className = "map-popup__meta";
                line.textContent = text;
                container.appendChild(line);
            }
        });
        return container;
    }

    // Where a pilot travelled: a dashed line from the pilot it was adapted from to this one.
    function travelLine(feature) {
        var origin = feature.properties && feature.properties.origin;
        var here = feature.geometry && feature.geometry.coordinates;
        if (!origin || !origin.coordinates || !here) {
            return null;
        }
        return L.polyline(
            [[origin.coordinates[1], origin.coordinates[0]], [here[1], here[0]]],
            { className: "map-travel-line", dashArray: "6 6", weight: 2, interactive: false }
        );
    }

    function marker(latlng, title) {
        return L.marker(latlng, { title: title || "", alt: title || "", keyboard: true, riseOnHover: true });
    }

    function initMap(el) {
        var data = el.dataset;
        var rtl = isRightToLeft();
        var map = L.map(el, {
            scrollWheelZoom: false,
            center: DEFAULT_CENTER,
            zoom: DEFAULT_ZOOM,
            zoomControl: false
        });
        L.control.zoom({
            position: rtl ? "topright" : "topleft",
            zoomInTitle: data.zoomInText || "Zoom in",
            zoomOutTitle: data.zoomOutText || "Zoom out"
        }).addTo(map);
        map.attributionControl.setPosition(rtl ? "bottomleft" : "bottomright");
        map.on("popupopen", function (event) {
            var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
            if (close && data.closePopupText) {
                close.setAttribute("aria-label", data.closePopupText);
                close.setAttribute("title", data.closePopupText);
            }
        });
        var fallback = el.querySelector(".map__fallback");
        if (fallback) {
            fallback.remove();
        }
        var attribution = '&copy; <a href="' + OSM_COPYRIGHT_URL + '">' +
            escapeHtml(data.tileAttribution || "OpenStreetMap contributors") + "</a>";
        var tiles = L.tileLayer(data.tileUrl || DEFAULT_TILE_URL, { maxZoom: 18, attribution: attribution });
        tiles.once("tileerror", function () {
            showMessage(el, "tiles", data.tileErrorText);
        });
        tiles.addTo(map);

        if (data.geojsonUrl) {
            fetch(data.geojsonUrl, { headers: { Accept: "application/geo+json, application/json" }, credentials: "same-origin" })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error("HTTP " + response.status);
                    }
                    return response.json();
                })
                .then(function (collection) {
                    var layer = L.geoJSON(collection, {
                        pointToLayer: function (feature, latlng) {
                            return marker(latlng, feature.properties && feature.properties.title);
                        },
                        onEachFeature: function (feature, featureLayer) {
                            featureLayer.bindPopup(popupContent(feature.properties || {}));
                            var line = travelLine(feature);
                            if (line) {
                                line.addTo(map);
                            }
                        }
                    }).addTo(map);
                    if (layer.getLayers().length) {
                        map.fitBounds(layer.getBounds(), { padding: [32, 32], maxZoom: 9 });
                    }
                })
                .catch(function () {
                    showMessage(el, "data", data.errorText);
                });
        } else if (data.lat && data.lon) {
            var latlng = [parseFloat(data.lat), parseFloat(data.lon)];
            if (isNaN(latlng[0]) || isNaN(latlng[1])) {
                showMessage(el, "data", data.errorText);
                return;
            }
            marker(latlng, data.markerTitle).addTo(map);
            map.setView(latlng, 8);
        }
    }

    function init() {
        var elements = document.querySelectorAll("[data-map]");
        if (!elements.length) {
            return;
        }
        if (typeof window.L === "undefined") {
            // Leaflet did not load: keep the fallback text.
            return;
        }
        Array.prototype.forEach.call(elements, function (el) {
            try {
                initMap(el);
            } catch (error) {
                showMessage(el, "data", el.dataset.errorText);
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
