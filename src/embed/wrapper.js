
  const SCRIPT_URL = (document.currentScript && document.currentScript.src) || location.href;
  let loading = null;
  function load() {
    if (!loading) {
      // The single file carries the module inlined (jixiaoInline, src/embed/inline.js).
      const source = typeof JIXIAO_INLINE === 'object'
        ? jixiaoInline('jixiao_bg.wasm')
        : Promise.resolve(new URL('jixiao_bg.wasm', SCRIPT_URL));
      loading = source.then((s) => wasm_bindgen({ module_or_path: s })).then(() => wasm_bindgen);
    }
    return loading;
  }
  // The file modules (Word / Excel writer, document reader), instantiated by the app on first use:
  // beside this script (a URL), or inlined (a promise of the bytes).
  function moduleSource(file) {
    return typeof JIXIAO_INLINE === 'object' ? jixiaoInline(file) : new URL(file, SCRIPT_URL).href;
  }
  function optionsOf(el) {
    const d = el.dataset;
    return {
      modules: moduleSource,
      template: d.template || undefined,
      storageKey: d.storageKey || (el.id ? 'embedded-' + el.id : undefined),
      src: d.src || undefined,
      readonly: d.readonly !== undefined && d.readonly !== 'false',
      mode: d.mode || undefined,
    };
  }
  function fail(el, err) {
    // What the user sees instead of an empty element (unsupported.js, inlined beside this wrapper).
    jixiaoUnsupported(el.shadowRoot || el, err);
    el.dispatchEvent(new CustomEvent('jixiao:error', { bubbles: true, composed: true, detail: { message: String(err) } }));
  }
  class JiXiaoWorkbench extends HTMLElement {
    connectedCallback() {
      this.__connected = true;
      load().then((api) => {
        if (this.__connected && !this.__instance) this.__instance = api.mount(this, optionsOf(this));
      }).catch((err) => fail(this, err));
    }
    disconnectedCallback() {
      this.__connected = false;
      if (this.__instance) {
        this.__instance.unmount();
        this.__instance.free();
        this.__instance = null;
      }
    }
  }
  if (!customElements.get('jixiao-workbench')) customElements.define('jixiao-workbench', JiXiaoWorkbench);
  window.JiXiao = Object.freeze({
    version: VERSION,
    /** Mounts into `element`; resolves to a handle with `unmount()`. The element holds the instance, so
     *  the workbench lives as long as the element does, whether or not the caller keeps the handle. */
    mount(element, options) {
      return load().then((api) => {
        if (element.__jixiaoInstance) element.__jixiaoInstance.unmount();
        const instance = api.mount(element, Object.assign(optionsOf(element), options || {}));
        const handle = {
          unmount() {
            if (element.__jixiaoInstance !== handle) return;
            delete element.__jixiaoInstance;
            instance.unmount();
            instance.free();
          },
        };
        element.__jixiaoInstance = handle;
        return handle;
      }).catch((err) => {
        jixiaoUnsupported(element.shadowRoot || element, err);
        throw err;
      });
    },
  });
