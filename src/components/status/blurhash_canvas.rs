//! A BlurHash placeholder: decoded at 32×32 into a canvas the CSS stretches over the media box.

use leptos::{html, prelude::*};
use wasm_bindgen::{Clamped, JsCast};

const SIZE: usize = 32;

#[component]
pub fn BlurhashCanvas(hash: String) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        let Some(pixels) = crate::content::blurhash::decode(&hash, SIZE, SIZE) else {
            return;
        };
        let ctx = el
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let image = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
            Clamped(&pixels),
            SIZE as u32,
            SIZE as u32,
        );
        if let (Some(ctx), Ok(image)) = (ctx, image) {
            let _ = ctx.put_image_data(&image, 0.0, 0.0);
        }
    });
    view! { <canvas class="blurhash" width=SIZE height=SIZE node_ref=canvas aria-hidden="true"></canvas> }
}
