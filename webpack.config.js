// webpack build for the Goal Scorecards add-in (shared runtime):
//   taskpane.html loads taskpane.js (React UI) and functions.js (custom
//   functions); functions.json is generated from the JSDoc in
//   src/functions/functions.ts; assets/ and manifest.xml are copied.
// `webpack --mode production` never needs certificates; `webpack serve` uses
// the dev certificates from ~/.office-addin-dev-certs (see scripts/dev-certs.js).

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { SCRIPT_ENTRIES, ASSETS_DIR } = require("./scripts/lib/build-outputs");
const { devUrl, resolveProductionUrl, rewriteManifestUrls } = require("./scripts/lib/manifest-url");
const { DEFAULT_PORT, configuredPort } = require("./scripts/lib/dev-port");

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

/** Fails the build if React or Fluent UI ends up in the functions bundle. */
class KeepFunctionsLeanPlugin {
  apply(compiler) {
    compiler.hooks.afterCompile.tap("KeepFunctionsLeanPlugin", (compilation) => {
      const chunk = [...compilation.chunks].find((c) => c.name === "functions");
      if (!chunk) return;
      // Production builds concatenate modules: look inside ConcatenatedModules too.
      const resources = [];
      for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
        if (module.resource) resources.push(module.resource);
        for (const inner of module.modules || []) if (inner.resource) resources.push(inner.resource);
      }
      for (const resource of resources) {
        if (/[\\/]node_modules[\\/](react|react-dom|scheduler|@fluentui|@griffel)[\\/]/.test(resource)) {
          compilation.errors.push(
            new compiler.webpack.WebpackError(`functions bundle must not include React/Fluent UI, but it includes ${path.relative(__dirname, resource)}`),
          );
          return;
        }
      }
    });
  }
}

/**
 * Finishes the generated functions.json: lets error values reach the functions
 * (`allowErrorForDataTypeAny`, which JSDoc cannot set: GOAL.WEIGHTED and
 * GOAL.ROLLUP skip #N/A scores as no data) and, in production (or on another dev port), points the help
 * URLs at the production address like the manifest.
 */
class FinishFunctionsMetadataPlugin {
  constructor(productionUrl) {
    this.productionUrl = productionUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FinishFunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FinishFunctionsMetadataPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        const metadata = JSON.parse(asset.source.source().toString());
        metadata.allowErrorForDataTypeAny = true;
        let text = JSON.stringify(metadata, null, 2);
        if (this.productionUrl) text = rewriteManifestUrls(text, this.productionUrl);
        compilation.updateAsset("functions.json", new compiler.webpack.sources.RawSource(text));
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const productionUrl = dev ? null : resolveProductionUrl(process.env.ADDIN_URL);
  // A development build on another port points the manifest's and functions.json's URLs at it.
  // PORT (set by `npm start -- --port N`), else package.json "config.dev_server_port", else
  // 3000; read for development builds only, so a stray PORT never breaks `npm run build`.
  const DEV_PORT = dev ? configuredPort(process.env) : DEFAULT_PORT;
  const urlRewrite = productionUrl ?? (DEV_PORT === DEFAULT_PORT ? null : devUrl(DEV_PORT));

  const entryFiles = {
    taskpane: "./src/taskpane/index.tsx",
    // The shim only acts when Office.js is absent (preview in a plain browser).
    functions: ["./src/runtime/custom-functions-shim.ts", FUNCTIONS_SOURCE],
  };
  const entry = Object.fromEntries(SCRIPT_ENTRIES.map((name) => [name, entryFiles[name]]));
  // The local preview (preview.html, docs/preview.md): not referenced by the manifest.
  entry.preview = ["./src/runtime/custom-functions-shim.ts", "./src/preview/index.tsx"];

  let server = "http";
  if (serving) {
    const { getDevHttpsOptions } = require("./scripts/dev-certs");
    const https = await getDevHttpsOptions();
    if (https) {
      server = { type: "https", options: https };
    } else {
      console.warn(
        "\n*** WARNING: serving over plain http://localhost:" +
          DEV_PORT +
          " because no development certificate could be made.\n" +
          "*** Office will NOT load the add-in over http; fix the certificates (see README) to sideload.\n",
      );
    }
  }

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry,
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type errors are reported by `npm run typecheck`, not by the bundler.
            options: { transpileOnly: true },
          },
        },
      ],
    },
    performance: {
      // The task pane bundles React + Fluent UI; keep the warning for the functions bundle only.
      assetFilter: (file) => file === "functions.js",
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: FUNCTIONS_SOURCE,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the task pane page also hosts the custom functions.
        chunks: ["taskpane", "functions"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/help.html",
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: `${ASSETS_DIR}/*.png`, to: `${ASSETS_DIR}/[name][ext]` },
          // The preview runs Microsoft's Excel client (Excel on the web's build) against the in-memory workbook.
          { from: "node_modules/@microsoft/office-js/dist/excel-web-16.00.js", to: "office-js/excel-web-16.00.js", info: { minimized: true } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return urlRewrite ? rewriteManifestUrls(content.toString(), urlRewrite) : content;
            },
          },
        ],
      }),
      new KeepFunctionsLeanPlugin(),
      new FinishFunctionsMetadataPlugin(urlRewrite),
    ],
    devServer: {
      host: "localhost",
      port: DEV_PORT,
      server,
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
