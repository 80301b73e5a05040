//! One attachment on its way to the server, as its tile shows it.

/// What the composer is doing with the network.
#[derive(Clone, Debug, PartialEq)]
pub enum Upload {
    Sending {
        local: u32,
        name: String,
        fraction: Option<f64>,
    },
    Processing {
        local: u32,
        name: String,
    },
    Failed {
        local: u32,
        name: String,
        message: String,
    },
}

impl Upload {
    /// The `<For>` key of an upload's tile: it changes whenever the upload does (the tile
    /// shows a plain value), built without `Debug`, which would link float formatting in.
    pub fn key(&self) -> String {
        match self {
            Upload::Sending {
                local,
                name,
                fraction,
            } => format!(
                "s{local}:{}:{name}",
                fraction.map_or(u64::MAX, f64::to_bits)
            ),
            Upload::Processing { local, name } => format!("p{local}:{name}"),
            Upload::Failed {
                local,
                name,
                message,
            } => format!("f{local}:{name}:{message}"),
        }
    }

    pub fn local(&self) -> u32 {
        match self {
            Upload::Sending { local, .. }
            | Upload::Processing { local, .. }
            | Upload::Failed { local, .. } => *local,
        }
    }
}
